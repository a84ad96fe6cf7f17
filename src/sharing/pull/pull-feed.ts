import { feedLines, type FeedReader } from '../feeds/feed-reader.js';
import type { PullTarget } from './pull-target.js';

/** One stretch of a feed: events (each one JSON line as the server sent it), then the cursor after them. */
export interface FeedChunk {
  lines: string[];
  /** Cursor after these items (the last one's seq within a response; the response's `next` at its end). */
  next: number;
  watermark: number | null;
}

/** Where a pull reads from: a server over HTTP, or the database directly. */
export type FeedSource = (after: number, limit: number) => AsyncIterable<FeedChunk>;

export interface PullResult {
  events: number;
  from: number;
  next: number;
  watermark: number;
}

const CHECKPOINT_EVENTS = 10_000;
const REQUEST_LIMIT = 100_000;

/**
 * Pulls until caught up (or `max` events), writing to the target and checkpointing the cursor
 * every 10,000 events and at the end of each response.
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
      target.write(chunk.lines);
      events += chunk.lines.length;
      sinceCheckpoint += chunk.lines.length;
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
    const decoder = new TextDecoder();
    let rest = '';
    let lines: string[] = [];
    let ended = false;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done) break;
      // Split each arriving chunk once; only the unfinished last line is carried over.
      const parts = (rest + decoder.decode(part, { stream: true })).split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        if (line.length === 0) continue;
        // Events start with their sequence; the closing cursor line does not.
        if (line.startsWith('{"seq":')) lines.push(line);
        else {
          const cursor = JSON.parse(line) as { next: number; watermark: number };
          yield { lines, next: cursor.next, watermark: cursor.watermark };
          lines = [];
          ended = true;
        }
      }
      if (lines.length >= 5000) {
        yield { lines, next: seqOf(lines.at(-1)!), watermark: null };
        lines = [];
      }
    }
    if (!ended) {
      // Cut off before the cursor line: what arrived is complete events; resume after the last.
      if (lines.length > 0) yield { lines, next: seqOf(lines.at(-1)!), watermark: null };
      throw new Error('the feed response ended early; run the pull again to resume');
    }
  };
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
      yield { lines: feedLines(page), next: page.next, watermark: page.watermark };
      if (cursor >= page.watermark || sent >= limit) return;
    }
  };
}

/** The sequence number at the start of a serialised feed item. */
export function seqOf(line: string): number {
  return Number(/^\{"seq":(\d+)/.exec(line)![1]);
}
