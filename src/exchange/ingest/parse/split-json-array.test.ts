import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitJsonArray, type JsonArrayPart } from './split-json-array.js';

async function split(chunks: string[], maxChars = 1_000_000): Promise<JsonArrayPart[]> {
  async function* source() {
    yield* chunks;
  }
  const parts: JsonArrayPart[] = [];
  for await (const part of splitJsonArray(source(), maxChars)) parts.push(part);
  return parts;
}

function cut(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const point of [...points, text.length]) {
    chunks.push(text.slice(start, point));
    start = point;
  }
  return chunks;
}

describe('splitJsonArray', () => {
  it('yields each element of any JSON array, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        async (values, cuts, pretty) => {
          const text = JSON.stringify(values, null, pretty ? 2 : undefined);
          const parts = await split(cut(text, cuts));
          expect(parts.map((part) => (part.kind === 'element' ? JSON.parse(part.text) : part))).toEqual(
            JSON.parse(JSON.stringify(values)),
          );
        },
      ),
    );
  });

  it('keeps a broken element to itself and goes on with the next', async () => {
    const parts = await split(['[{"a":1}, {"a": tru}, {"b":"x]},{"}, {"c":3}]']);
    expect(parts.map((part) => part.kind)).toEqual(['element', 'element', 'element', 'element']);
    expect(parts.map((part) => part.index)).toEqual([1, 2, 3, 4]);
    expect(parts[2]).toEqual({ kind: 'element', index: 3, text: '{"b":"x]},{"}' });
  });

  it('reports empty elements, tolerates a trailing comma, and reports what follows the array', async () => {
    expect(await split(['[1,,2,]'])).toEqual([
      { kind: 'element', index: 1, text: '1' },
      { kind: 'empty', index: 2 },
      { kind: 'element', index: 3, text: '2' },
    ]);
    expect((await split(['[1] x']))[1]).toEqual({ kind: 'trailing', index: 1 });
  });

  it('reports an array the file ends inside of', async () => {
    expect(await split(['[{"a":1},{"b":'])).toEqual([
      { kind: 'element', index: 1, text: '{"a":1}' },
      { kind: 'truncated', index: 2 },
    ]);
    expect(await split(['[{"a":1},'])).toEqual([
      { kind: 'element', index: 1, text: '{"a":1}' },
      { kind: 'truncated', index: 2 },
    ]);
  });

  it('skips an element too large to hold without holding it', async () => {
    const parts = await split(['[{"a":"', 'x'.repeat(500), '"},{"b":1}]'], 100);
    expect(parts).toEqual([
      { kind: 'too_large', index: 1 },
      { kind: 'element', index: 2, text: '{"b":1}' },
    ]);
  });
});
