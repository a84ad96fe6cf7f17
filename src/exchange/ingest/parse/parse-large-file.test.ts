import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../catalog/index.js';
import { createTabularWriter } from '../../../platform/tabular/index.js';
import { parseSubmission } from './parse-submission.js';

const dir = mkdtempSync(join(tmpdir(), 'popx-parse-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROWS = 300_000;

describe('parsing a large file', () => {
  it('streams a 300,000-row GB18030 CSV to the last row', async () => {
    const moveIn = getEventType('hukou_move_in')!;
    const path = join(dir, 'large.csv');
    const keys = ['record_id', 'id_number', 'name', 'sex', 'birth_date', 'division', 'moved_on', 'address'];
    const columns = keys.map((key) => ({ key, header: moveIn.fields.find((field) => field.key === key)!.labelZh }));
    const writer = createTabularWriter('csv_gbk', path, columns);
    for (let i = 0; i < ROWS; i++) {
      const pending = writer.writeRow([
        `R${i}`,
        `440606199001${String(i).padStart(6, '0')}`,
        `张三${i % 100}`,
        '1',
        '1990-01-01',
        '440606101001',
        '2024-01-05',
        `佛山市顺德区大良街道${i}号`,
      ]);
      if (pending) await pending;
    }
    await writer.close();

    const parsed = await parseSubmission(path, { eventType: moveIn });
    let count = 0;
    let last;
    for await (const row of parsed.rows) {
      count++;
      last = row;
    }
    expect(parsed.encoding).toBe('gb18030');
    expect(count).toBe(ROWS);
    expect(last?.row).toBe(ROWS + 1);
    expect(last?.values.address).toBe(`佛山市顺德区大良街道${ROWS - 1}号`);
  });
});
