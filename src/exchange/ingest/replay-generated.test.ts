import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitGeneratedDistrict } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { generateDistrict } from '../../gen/generate-district.js';
import type { ManifestEntry } from '../../gen/output.js';
import { verifyLedgerChain } from '../ledger/verify-ledger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-replay-'));

function csvRows(file: string): string[][] {
  return fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
}

describe.each(DIALECTS)('replaying a generated district on %s', (dialect) => {
  let t: TestContext;
  let manifest: ManifestEntry[];
  const files = new Map<string, ManifestEntry>();
  beforeAll(async () => {
    await generateDistrict({ persons: 3000, seed: `replay-${dialect}`, months: 4, start: '2025-01', out: dir });
    t = await createTestContext(dialect);
    manifest = await submitGeneratedDistrict(t.ctx, dir, async (id, entry) => {
      files.set(id, entry);
    });
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accounts for every row: accepted, duplicate, corrected, cancelled or rejected', async () => {
    const rows = await t.ctx.db.kysely.selectFrom('submissions').selectAll().execute();
    expect(rows.every((s) => s.status === 'committed')).toBe(true);
    for (const s of rows) expect(s.accepted + s.duplicate + s.corrected + s.cancelled + s.rejected, s.filename ?? '').toBe(s.received);
    const received = rows.reduce((sum, s) => sum + s.received, 0);
    expect(received).toBe(manifest.reduce((sum, e) => sum + e.rows, 0));
    expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);
  });

  it('rejects only rows the generator made wrong, and every wrong check digit', async () => {
    const truthErrors = csvRows(path.join(dir, 'truth', 'errors.csv'));
    const wrong = new Set(truthErrors.map(([file, row]) => `${file}#${row}`));
    const issues = await t.ctx.db.kysely.selectFrom('submission_issues').selectAll().where('severity', '=', 'error').execute();
    const rejected = new Set<string>();
    for (const issue of issues) {
      const entry = files.get(issue.submission_id)!;
      // Spreadsheets count the header as row 1; the truth counts data rows from 1.
      const dataRow = entry.format === 'ndjson' ? issue.row : issue.row - 1;
      rejected.add(`${entry.file}#${dataRow}`);
    }
    const unexplained = [...rejected].filter((key) => !wrong.has(key));
    expect(unexplained).toEqual([]);
    for (const [file, row, , field, kind] of truthErrors) {
      if (kind === 'id_check_digit') expect(rejected.has(`${file}#${row}`), `${file} row ${row} ${field}`).toBe(true);
    }
    expect(rejected.size).toBeGreaterThan(0);
  });
});
