import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { createTabularWriter } from '../../../platform/tabular/index.js';
import { ParseError } from './parse-error.js';
import { CELL_MAX_CHARS } from './parse-limits.js';
import { parseSubmission } from './parse-submission.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-parse-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const moveIn = getEventType('hukou_move_in')!;
/** Far longer than any of these inputs takes; reaching it means the parser hangs. */
const HANG_MS = 5000;
let files = 0;

/**
 * Parses the bytes (from a file or as a stream in random chunks) and reads every row. Passes
 * when it ends in time with rows that keep the contract, or with a ParseError; fails on any
 * other error or a hang.
 */
async function parseArbitrary(bytes: Uint8Array, asStream: boolean, chunkSize: number): Promise<string> {
  let input: string | Readable;
  if (asStream) {
    const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) =>
      Buffer.from(bytes.subarray(i * chunkSize, (i + 1) * chunkSize)),
    );
    input = Readable.from(chunks);
  } else {
    input = join(dir, `f${files++}`);
    writeFileSync(input, bytes);
  }
  const work = (async () => {
    try {
      const parsed = await parseSubmission(input, { eventType: moveIn });
      let count = 0;
      for await (const row of parsed.rows) {
        count++;
        expect(row.row).toBeGreaterThan(0);
        if (row.problem !== undefined) expect(row.values).toEqual({});
        for (const value of Object.values(row.values)) {
          expect(typeof value).toBe('string');
          expect(value).not.toContain('\0');
          expect(value.length).toBeLessThanOrEqual(CELL_MAX_CHARS);
          expect(value).toBe(value.trim());
        }
      }
      return `rows:${count}`;
    } catch (error) {
      if (error instanceof ParseError) return `error:${error.code}`;
      throw error;
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`parser hung on ${bytes.length} bytes`)), HANG_MS);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const delivery = { asStream: fc.boolean(), chunkSize: fc.integer({ min: 1, max: 4096 }) };

const cellText = fc.oneof(
  fc.constantFrom(
    '440606199001011234',
    '="440606199001011234"',
    "=cmd|' /C calc'!A0",
    '@SUM(1+1)',
    '张三',
    '广东省,佛山市',
    'a "quoted" word',
    '"',
    '""',
    '\r\n',
    '\n',
    '\r',
    '\t',
    '\u0000',
    '\u3000',
    '\ufeff',
    '𠀀',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 8 }),
  fc.integer({ min: 9_990, max: 12_000 }).map((length) => 'x'.repeat(length)),
);
const csvLine = fc.array(cellText, { maxLength: 8 }).chain((cells) =>
  fc.record({
    cells: fc.constant(cells),
    quoted: fc.array(fc.boolean(), { minLength: cells.length, maxLength: cells.length }),
    separator: fc.constantFrom(',', '\t', ';'),
    end: fc.constantFrom('\r\n', '\n', '\r', ''),
  }),
);
const header = fc.shuffledSubarray(
  ['记录编号', 'id_number', '姓名*', 'Sex', '出生日期', 'division', '迁入日期', '备注', ''],
  {
    minLength: 1,
  },
);
const encodings = fc.constantFrom('utf8', 'utf8-bom', 'gb18030', 'utf16le-bom', 'latin1');

function encode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'latin1':
      return Buffer.from(text, 'latin1');
    default:
      return Buffer.from(text, 'utf8');
  }
}

describe('parser robustness', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    const path = join(dir, 'seed.xlsx');
    const writer = createTabularWriter(
      'xlsx',
      path,
      [
        { key: 'record_id', header: '记录编号' },
        { key: 'id_number', header: '公民身份号码', kind: 'text' },
        { key: 'birth_date', header: '出生日期', kind: 'date' },
        { key: 'sons', header: '子女数', kind: 'integer' },
      ],
      { dateCells: 'serial', compressionLevel: 1 },
    );
    for (let i = 0; i < 300; i++) await writer.writeRow([`R${i}`, '440606199001011234', '1990-01-01', i]);
    await writer.close();
    xlsx = readFileSync(path);
  });

  it('survives random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        delivery.asStream,
        delivery.chunkSize,
        async (bytes, asStream, size) => {
          await parseArbitrary(bytes, asStream, size);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives malformed CSV in any encoding: stray quotes, formulas, control characters, huge cells', async () => {
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.array(csvLine, { maxLength: 12 }),
        encodings,
        delivery.asStream,
        delivery.chunkSize,
        async (headers, lines, encoding, asStream, chunkSize) => {
          let text = `${headers.join(',')}\r\n`;
          for (const line of lines) {
            text += line.cells.map((cell, i) => (line.quoted[i] ? `"${cell}"` : cell)).join(line.separator) + line.end;
          }
          await parseArbitrary(encode(text, encoding), asStream, chunkSize);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives damaged NDJSON and JSON arrays', async () => {
    const record = fc.dictionary(
      fc.constantFrom('record_id', '公民身份号码', 'moved_on', 'name', 'x', '__proto__', 'constructor'),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), cellText),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 10 }),
        fc.boolean(),
        fc.nat(),
        fc.string({ maxLength: 5 }),
        delivery.asStream,
        delivery.chunkSize,
        async (records, asArray, cutAt, insert, asStream, chunkSize) => {
          const whole = asArray ? JSON.stringify(records) : records.map((r) => JSON.stringify(r)).join('\n');
          const at = cutAt % (whole.length + 1);
          const damaged = whole.slice(0, at) + insert + whole.slice(at + (cutAt % 3));
          await parseArbitrary(Buffer.from(damaged, 'utf8'), asStream, chunkSize);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives damaged XLSX packages: flipped bytes, truncation, spliced garbage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
        fc.option(fc.nat()),
        delivery.asStream,
        async (flips, truncateAt, asStream) => {
          const bytes = Buffer.from(xlsx);
          for (const flip of flips) bytes[4 + (flip.at % (bytes.length - 4))] = flip.value;
          const end = truncateAt === null ? bytes.length : 4 + (truncateAt % (bytes.length - 4));
          await parseArbitrary(bytes.subarray(0, end), asStream, 8192);
        },
      ),
      { numRuns: 120 },
    );
  });
});
