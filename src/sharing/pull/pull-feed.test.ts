import { describe, expect, it } from 'vitest';
import { chunkLines, splitFeedResponse, type FeedChunk } from './pull-feed.js';

const EVENTS = Array.from({ length: 12 }, (_, i) => JSON.stringify({ seq: 100 + i, type: 'birth', fields: { child_name: '李明'.repeat(1 + (i % 3)), note: 'a\nb"c' } }));
const RESPONSE = EVENTS.join('\n') + '\n{"next":140,"watermark":150}\n';

/** The response as a stream whose chunks end at the given byte offsets. */
function streamOf(bytes: Buffer, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const edges = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < edges.length; i++) controller.enqueue(new Uint8Array(bytes.subarray(edges[i - 1], edges[i])));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<FeedChunk[]> {
  const out: FeedChunk[] = [];
  for await (const chunk of splitFeedResponse(stream)) out.push(chunk);
  return out;
}

describe('splitting a streamed feed response', () => {
  it('gives back every event line byte for byte and the closing cursor, wherever the network cut the bytes', async () => {
    const bytes = Buffer.from(RESPONSE, 'utf8');
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const chunks = await collect(streamOf(bytes, [cut, Math.min(bytes.length, cut + 3)]));
      expect(chunks.flatMap(chunkLines)).toEqual(EVENTS);
      expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(EVENTS.length);
      expect(chunks.at(-1)).toMatchObject({ next: 140, watermark: 150 });
    }
  });

  it('passes on the complete events of a response cut off before its cursor line, then says so', async () => {
    const bytes = Buffer.from(RESPONSE.slice(0, RESPONSE.indexOf(EVENTS[5]!) + 10), 'utf8');
    const seen: FeedChunk[] = [];
    await expect(
      (async () => {
        for await (const chunk of splitFeedResponse(streamOf(bytes, [17, 200]))) seen.push(chunk);
      })(),
    ).rejects.toThrow('ended early');
    expect(seen.flatMap(chunkLines)).toEqual(EVENTS.slice(0, 5));
    expect(seen.at(-1)!.next).toBe(104);
  });
});
