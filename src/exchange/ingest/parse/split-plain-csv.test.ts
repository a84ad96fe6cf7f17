import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from './parse-types.js';
import { readCsvRecords, type CsvDelimiter } from './read-csv-records.js';
import { splitPlainCsv } from './split-plain-csv.js';

class TextBroke extends Error {}

/** Yields `chunks`, then throws TextBroke when `breakAfter` is set (an undecodable byte mid-file). */
async function* stream(chunks: readonly string[], breakAfter?: number): AsyncGenerator<string> {
  for (let i = 0; i < chunks.length; i += 1) {
    if (i === breakAfter) throw new TextBroke('undecodable');
    yield chunks[i]!;
  }
}

async function collect(batches: AsyncGenerator<RawRow[]>): Promise<{ rows: RawRow[]; error: string | null }> {
  const out: RawRow[] = [];
  try {
    for await (const batch of batches) {
      expect(batch.length).toBeGreaterThan(0);
      out.push(...batch);
    }
  } catch (error) {
    if (!(error instanceof TextBroke)) throw error;
    return { rows: out, error: error.message };
  }
  return { rows: out, error: null };
}

/** Units a CSV is written in: text, separators, every line end, quotes, a BOM, NUL, a surrogate pair. */
const UNITS = ['a', 'b', '12', ' ', '中', 'é', '𠀀', ',', '\t', '\r', '\n', '\r\n', '"', '""', '\ufeff', '\u0000', '=', ','.repeat(3)];
const unit = fc.constantFrom(...UNITS);
/** Mostly plain text, sometimes a quote somewhere: both the fast path and the hand-over are exercised. */
const csvUnits = fc.oneof(
  fc.array(unit.filter((u) => !u.includes('"')), { maxLength: 200 }),
  fc.array(unit, { maxLength: 200 }),
);

/** Cuts `units` into chunks at unit boundaries (a decoder never splits a surrogate pair). */
function chunked(units: readonly string[], cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((cut) => cut % (units.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const cut of [...at, units.length]) {
    chunks.push(units.slice(from, cut).join(''));
    from = cut;
  }
  return chunks;
}

describe('splitPlainCsv', () => {
  it('gives the records, rows and problems csv-parse gives, however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvUnits,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom<CsvDelimiter>(',', '\t'),
        fc.option(fc.nat({ max: 12 }), { nil: undefined }),
        async (units, cuts, delimiter, breakAfter) => {
          const chunks = chunked(units, cuts);
          const expected = await collect(readCsvRecords(stream(chunks, breakAfter), delimiter));
          const actual = await collect(splitPlainCsv(stream(chunks, breakAfter), delimiter));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('numbers a problem after plain lines from the start of the file', async () => {
    const { rows } = await collect(splitPlainCsv(stream(['a,b\nc,d\n', 'e,"f\n']), ','));
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3]);
    expect(rows[2]).toMatchObject({ problem: { code: 'UNCLOSED_QUOTE', details: { line: 3 } } });
  });

  it('hands a line too long to split to csv-parse, which reads it whole', async () => {
    const long = 'x'.repeat(1_200_000);
    const chunks = ['a,b\n', ...(long.match(/.{1,65536}/g) ?? []), ',y\nc,d\n'];
    const { rows } = await collect(splitPlainCsv(stream(chunks), ','));
    expect(rows.map((row) => [row.row, row.cells.map((cell) => (cell as string).length)])).toEqual([
      [1, [1, 1]],
      [2, [1_200_000, 1]],
      [3, [1, 1]],
    ]);
  });
});

describe('readCsvRecords', () => {
  it('keeps the records read before a quote that never closes', async () => {
    const { rows } = await collect(readCsvRecords(stream(['a,b\nc,d\n', 'e,"f\n']), ','));
    expect(rows.map((row) => row.cells)).toEqual([['a', 'b'], ['c', 'd'], []]);
    expect(rows[2]).toMatchObject({ row: 3, problem: { code: 'UNCLOSED_QUOTE', details: { line: 3 } } });
  });
});
