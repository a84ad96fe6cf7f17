import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNdjsonWriter } from './ndjson-writer.js';
import type { Column } from './tabular-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-ndjson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns: Column[] = [
  { key: 'id', header: '身份证号', kind: 'text' },
  { key: 'age', header: '年龄', kind: 'integer' },
  { key: 'note', header: '备注' },
];

describe('createNdjsonWriter', () => {
  it('writes one object per line keyed by column, leaving out empty values, with no header', async () => {
    const file = join(dir, 'a.ndjson');
    const writer = createNdjsonWriter(file, columns);
    await writer.writeRow(['110101199001011234', 34, '第一行\n"引号"']);
    await writer.writeRow(['11010119900101123X', null, '']);
    await writer.writeRow([undefined, 0, undefined]);
    await writer.writeRow([]);
    await writer.close();
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { id: '110101199001011234', age: 34, note: '第一行\n"引号"' },
      { id: '11010119900101123X' },
      { age: 0 },
      {},
    ]);
    expect(text.split('\n')[0]).toBe('{"id":"110101199001011234","age":34,"note":"第一行\\n\\"引号\\""}');
  });

  it('escapes lone surrogates so every line is valid UTF-8 JSON', async () => {
    const file = join(dir, 'b.ndjson');
    const writer = createNdjsonWriter(file, columns);
    await writer.writeRow(['\uD800', 1, '😀\u2028']);
    await writer.close();
    const line = readFileSync(file, 'utf8').trimEnd();
    expect(line).toBe('{"id":"\\ud800","age":1,"note":"😀\u2028"}');
    expect(JSON.parse(line)).toEqual({ id: '\uD800', age: 1, note: '😀\u2028' });
  });
});
