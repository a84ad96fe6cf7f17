import type { FeedReader } from '../feeds/feed-reader.js';
import type { PullTarget } from './pull-target.js';

/** One stretch of a feed: events as the server sent them (UTF-8 NDJSON, whole lines), then the cursor after them. */
export interface FeedChunk {
  /** The events, one JSON object per line, each line ending with "\n". */
  ndjson: Buffer;
  /** How many events `ndjson` holds. */
  count: number;
  /** Cursor after these items (the last one's seq within a response; the response's `next` at its end). */
  next: number;
  watermark: number | null;
}

/** A chunk of the given serialised events. */
export function chunkOf(lines: readonly string[], next: number, watermark: number | null): FeedChunk {
  return { ndjson: Buffer.from(lines.length === 0 ? '' : lines.join('\n') + '\n', 'utf8'), count: lines.length, next, watermark };
}

/** A chunk's events, one serialised JSON object each. */
export function chunkLines(chunk: FeedChunk): string[] {
  return chunk.count === 0 ? [] : chunk.ndjson.toString('utf8', 0, chunk.ndjson.length - 1).split('\n');
}

/** Where a pull reads from: a server over HTTP, or the database directly. */
export type FeedSource = (after: number, limit: number) => AsyncIterable<FeedChunk>;

export interface PullResult {
  events: number;
  from: number;
  next: number;
  watermark: number;
}

/** Events between checkpoints (each an fsync of the output and of the cursor file). */
const CHECKPOINT_EVENTS = 50_000;
const REQUEST_LIMIT = 100_000;

/**
 * Pulls until caught up (or `max` events), writing to the target and checkpointing the cursor
 * every 50,000 events and at the end of each response.
 */
export async function pullFeed(source: FeedSource, target: PullTarget, from: number, options: { max?: number; onProgress?: (events: number, next: number, watermark: number) => void } = {}): Promise<PullResult> {
  let next = from;
  let events = 0;
  let watermark = from;
  let sinceCheckpoint = 0;
  for (;;) {
    const want = Math.min(REQUEST_LIMIT, (options.max ?? Number.MAX_SAFE_INTEGER) - events);
    if (want <= 0) break;
    const startedAt = next;
    for await (const chunk of source(next, want)) {
      target.write(chunk);
      events += chunk.count;
      sinceCheckpoint += chunk.count;
      next = chunk.next;
      if (chunk.watermark !== null) watermark = chunk.watermark;
      if (sinceCheckpoint >= CHECKPOINT_EVENTS) {
        await target.checkpoint(next);
        sinceCheckpoint = 0;
      }
      options.onProgress?.(events, next, Math.max(watermark, next));
    }
    await target.checkpoint(next);
    sinceCheckpoint = 0;
    if (next >= watermark || next === startedAt) break;
  }
  await target.close(next);
  return { events, from, next, watermark: Math.max(watermark, next) };
}

/** A server's feed, streamed as NDJSON (`GET /api/v1/feeds/{agreement}?format=ndjson`). */
export function httpFeedSource(server: string, token: string, agreement: string): FeedSource {
  return async function* (after, limit) {
    const url = new URL(`/api/v1/feeds/${encodeURIComponent(agreement)}`, server);
    url.searchParams.set('after', String(after));
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('format', 'ndjson');
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/x-ndjson' } });
    if (!response.ok || !response.body) {
      const text = await response.text();
      let message = `${response.status} ${text.slice(0, 300)}`;
      try {
        const error = (JSON.parse(text) as { error: { code: string; message: string; messageZh: string } }).error;
        message = `${error.code}: ${error.message} / ${error.messageZh}`;
      } catch {
        // not the error shape
      }
      throw new Error(`the server refused the feed: ${message}`);
    }
    yield* splitFeedResponse(response.body);
  };
}

/** Bytes of the start of an event line; the closing cursor line starts otherwise. */
const EVENT_START = Buffer.from('{"seq":');
const NEWLINE = 10;
/** Events gathered before a chunk is handed on (and may be checkpointed). */
const CHUNK_EVENTS = 5_000;

/**
 * Cuts a streamed NDJSON feed response into chunks of whole event lines, as bytes: the lines
 * are found with `indexOf` on the buffers and passed on as they arrived, never decoded into
 * strings (an NDJSON output appends them as they are).
 */
export async function* splitFeedResponse(body: ReadableStream<Uint8Array>): AsyncGenerator<FeedChunk> {
  let rest: Buffer = Buffer.alloc(0);
  let parts: Buffer[] = [];
  let count = 0;
  let lastEvent: Buffer | null = null;
  let ended = false;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    const part = rest.length > 0 ? Buffer.concat([rest, bytes]) : bytes;
    let lineStart = 0;
    let eventsFrom = 0;
    for (let newline = part.indexOf(NEWLINE); newline !== -1; newline = part.indexOf(NEWLINE, lineStart)) {
      if (newline === lineStart) {
        lineStart = newline + 1;
        continue;
      }
      if (part.compare(EVENT_START, 0, EVENT_START.length, lineStart, lineStart + EVENT_START.length) === 0) {
        count += 1;
        lastEvent = part.subarray(lineStart, newline);
      } else {
        parts.push(part.subarray(eventsFrom, lineStart));
        const cursor = JSON.parse(part.toString('utf8', lineStart, newline)) as { next: number; watermark: number };
        yield { ndjson: Buffer.concat(parts), count, next: cursor.next, watermark: cursor.watermark };
        parts = [];
        count = 0;
        eventsFrom = newline + 1;
        ended = true;
      }
      lineStart = newline + 1;
    }
    parts.push(part.subarray(eventsFrom, lineStart));
    rest = part.subarray(lineStart);
    if (count >= CHUNK_EVENTS) {
      yield { ndjson: Buffer.concat(parts), count, next: seqOf(lastEvent!.toString('utf8', 0, 32)), watermark: null };
      parts = [];
      count = 0;
    }
  }
  if (!ended) {
    // Cut off before the cursor line: what arrived is complete events; resume after the last.
    if (count > 0) yield { ndjson: Buffer.concat(parts), count, next: seqOf(lastEvent!.toString('utf8', 0, 32)), watermark: null };
    throw new Error('the feed response ended early; run the pull again to resume');
  }
}

/** The feed read straight from the database (local mode, on the server's machine). */
export function databaseFeedSource(reader: FeedReader): FeedSource {
  return async function* (after, limit) {
    let cursor = after;
    let sent = 0;
    for (;;) {
      const page = await reader.page(cursor, Math.min(10_000, limit - sent));
      sent += page.count;
      cursor = page.next;
      yield { ndjson: page.ndjson, count: page.count, next: page.next, watermark: page.watermark };
      if (cursor >= page.watermark || sent >= limit) return;
    }
  };
}

/** The sequence number at the start of a serialised feed item. */
export function seqOf(line: string): number {
  return Number(/^\{"seq":(\d+)/.exec(line)![1]);
}
