import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { createTabularWriter } from '../../../platform/tabular/index.js';
import { parseSubmission } from './parse-submission.js';
import type { ParsedSubmission, SourceRow } from './parse-types.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-parse-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const moveOut = getEventType('hukou_move_out')!;

async function parseText(text: string, chunkSize = 7): Promise<{ parsed: ParsedSubmission; rows: SourceRow[] }> {
  const bytes = Buffer.from(text, 'utf8');
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) =>
    bytes.subarray(i * chunkSize, (i + 1) * chunkSize),
  );
  const parsed = await parseSubmission(Readable.from(chunks), { eventType: moveOut, contentType: 'application/json' });
  const rows: SourceRow[] = [];
  for await (const row of parsed.rows) rows.push(row);
  return { parsed, rows };
}

describe('parseSubmission on NDJSON', () => {
  it('reads the platform NDJSON writer back', async () => {
    const path = join(dir, 'w.ndjson');
    const writer = createTabularWriter('ndjson', path, [
      { key: 'record_id', header: '记录编号' },
      { key: 'id_number', header: '公民身份号码' },
      { key: 'moved_on', header: '迁出日期' },
    ]);
    await writer.writeRow(['R1', '440606199001011234', '2024-01-05']);
    await writer.writeRow(['R2', null, '2024-01-06']);
    await writer.close();
    const parsed = await parseSubmission(path, { eventType: moveOut });
    const rows: SourceRow[] = [];
    for await (const row of parsed.rows) rows.push(row);
    expect(parsed.format).toBe('ndjson');
    expect(rows.map((row) => [row.row, row.values])).toEqual([
      [1, { record_id: 'R1', id_number: '440606199001011234', moved_on: '2024-01-05' }],
      [2, { record_id: 'R2', moved_on: '2024-01-06' }],
    ]);
  });

  it('numbers rows by line, skips blank lines and keeps going past a broken line', async () => {
    const { parsed, rows } = await parseText(
      '{"record_id":" R1 ","公民身份号码":"440606199001011234","迁出日期":"2024-01-05","来源":"x"}\r\n\r\n' +
        '{"record_id":"R2",\n' +
        '[1,2]\n' +
        '{"record_id":"R4","id_number":440606199001,"reason":2.5,"action":null,"flag":true,"extra":"y"}\n',
    );
    expect(parsed.columns).toEqual([
      { index: 0, header: 'record_id', key: 'record_id' },
      { index: 1, header: '公民身份号码', key: 'id_number' },
      { index: 2, header: '迁出日期', key: 'moved_on' },
      { index: 3, header: '来源', key: null },
    ]);
    expect(parsed.missingRequiredColumns).toEqual([]);
    expect(rows.map((row) => [row.row, row.problem?.code ?? row.values])).toEqual([
      [1, { record_id: 'R1', id_number: '440606199001011234', moved_on: '2024-01-05' }],
      [3, 'MALFORMED_LINE'],
      [4, 'MALFORMED_LINE'],
      [5, { record_id: 'R4', id_number: '440606199001', reason: '2.5' }],
    ]);
    expect(rows[3]!.cells).toEqual(['R4', '440606199001', '2.5', '', 'true', 'y']);
    expect(parsed.unknownColumns).toEqual(['来源', 'flag', 'extra']);
  });

  it('makes nested values, rounded big numbers and a field given twice row problems', async () => {
    const { rows } = await parseText(
      '{"record_id":"R1","id_number":{"value":"4406"}}\n' +
        '{"record_id":"R2","id_number":440606199001011234}\n' +
        '{"record_id":"R3","id_number":"1","公民身份号码":"2"}\n',
    );
    expect(rows.map((row) => [row.problem?.code, row.problem?.details])).toEqual([
      ['NESTED_VALUE', { field: 'id_number' }],
      ['IMPRECISE_NUMBER', { field: 'id_number' }],
      ['DUPLICATE_FIELD', { field: 'id_number' }],
    ]);
    expect(rows.every((row) => Object.keys(row.values).length === 0)).toBe(true);
  });

  it('refuses pretty-printed JSON objects as not NDJSON', async () => {
    await expect(parseText('{\n  "record_id": "R1"\n}\n')).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });
});

describe('parseSubmission on a JSON array', () => {
  it('streams the elements of a pretty-printed array, numbered from 1', async () => {
    const records = [
      { record_id: 'R1', id_number: '440606199001011234', moved_on: '2024-01-05' },
      { record_id: 'R2', 'Date moved out': '2024-01-06', note: 'a "quoted" ], { tricky' },
    ];
    const { parsed, rows } = await parseText(`\ufeff${JSON.stringify(records, null, 2)}`, 5);
    expect(parsed.format).toBe('json');
    expect(parsed.encoding).toBe('utf-8');
    expect(rows).toEqual([
      { row: 1, values: records[0], cells: ['R1', '440606199001011234', '2024-01-05'] },
      {
        row: 2,
        values: { record_id: 'R2', moved_on: '2024-01-06' },
        cells: ['R2', '2024-01-06', 'a "quoted" ], { tricky'],
      },
    ]);
    expect(parsed.unknownColumns).toEqual(['note']);
  });

  it('reports elements that are no object, an unclosed array and content after it', async () => {
    const broken = await parseText('[{"record_id":"R1"}, 42, {"record_id": }, {"record_id":"R4"');
    expect(broken.rows.map((row) => [row.row, row.problem?.code ?? row.values.record_id])).toEqual([
      [1, 'R1'],
      [2, 'MALFORMED_ELEMENT'],
      [3, 'MALFORMED_ELEMENT'],
      [4, 'TRUNCATED_JSON'],
    ]);
    const trailing = await parseText('[{"record_id":"R1"}]\n{"record_id":"R2"}');
    expect(trailing.rows.map((row) => row.problem?.code)).toEqual([undefined, 'TRAILING_CONTENT']);
  });

  it('gives an empty array no rows and no columns', async () => {
    const { parsed, rows } = await parseText('[ ]');
    expect(parsed.columns).toEqual([]);
    expect(rows).toEqual([]);
  });
});
