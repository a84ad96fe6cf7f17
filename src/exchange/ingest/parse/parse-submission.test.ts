import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { ParseError, parseSubmission } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-parse-sub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const moveOut = getEventType('hukou_move_out')!;

/** A readable that records whether it was destroyed (its file released). */
function trackedStream(chunks: Buffer[]): Readable & { wasDestroyed: () => boolean } {
  let destroyed = false;
  const stream = Readable.from(chunks) as Readable & { wasDestroyed: () => boolean };
  stream.on('close', () => (destroyed = true));
  stream.wasDestroyed = () => destroyed || stream.destroyed;
  return stream;
}

describe('parseSubmission', () => {
  it('goes by the bytes, not by the file name or content type', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRows([['record_id'], ['R1']]);
    const path = join(dir, 'upload.csv');
    await workbook.xlsx.writeFile(path);
    const parsed = await parseSubmission(path, { eventType: moveOut, filename: 'upload.csv', contentType: 'text/csv' });
    expect(parsed.format).toBe('xlsx');
    await parsed.close();
  });

  it('reports GB18030 once late non-ASCII bytes settle the encoding', async () => {
    const head = Buffer.from(`record_id,id_number\n${'R0,440606199001011234\n'.repeat(5000)}`);
    const parsed = await parseSubmission(Readable.from([head, iconv.encode('R1,张三\n', 'gbk')]), {
      eventType: moveOut,
    });
    expect(parsed.encoding).toBe('utf-8');
    let last;
    for await (const row of parsed.rows) last = row;
    expect(last?.values).toEqual({ record_id: 'R1', id_number: '张三' });
    expect(parsed.encoding).toBe('gb18030');
  });

  it('releases the input when the caller closes without reading the rows, or stops early', async () => {
    const lines = Buffer.from(`record_id,id_number\n${'R,1\n'.repeat(100_000)}`);
    const chunks = Array.from({ length: 100 }, (_, i) => lines.subarray(i * 10_000, (i + 1) * 10_000));
    const unread = trackedStream(chunks);
    const parsed = await parseSubmission(unread, { eventType: moveOut });
    await parsed.close();
    expect(unread.wasDestroyed()).toBe(true);

    const early = trackedStream(chunks);
    const second = await parseSubmission(early, { eventType: moveOut });
    let count = 0;
    for await (const row of second.rows) {
      if (row.row > 0 && ++count === 10) break;
    }
    expect(early.wasDestroyed()).toBe(true);
    expect([...(await collect(second.rows))]).toEqual([]);
  });

  it('rejects an unreadable file with a ParseError carrying both languages', async () => {
    const path = join(dir, 'old.xls');
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const error = await parseSubmission(path, { eventType: moveOut }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_FORMAT', messageZh: expect.stringContaining('.xlsx') });
  });

  it('throws ParseError ENCODING from the rows when undecodable bytes come after the header', async () => {
    const parsed = await parseSubmission(
      Readable.from([Buffer.from(`record_id\n${'R\n'.repeat(40_000)}`), Buffer.from([0x81, 0x20, 0xff, 0x0a])]),
      { eventType: moveOut },
    );
    await expect(collect(parsed.rows)).rejects.toMatchObject({ name: 'ParseError', code: 'ENCODING' });
  });
});

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}
