import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/cli.js';
import { buildTestApp } from '../../../test/http-helpers.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { verifyLedgerChain } from '../ledger/verify-ledger.js';

const ROWS = 120_000;

function writeBirths(file: string): void {
  const mothers = Array.from({ length: 500 }, (_, i) => {
    const body = `4406061990${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + i * 2).slice(-3)}`;
    return body + idCheckChar(body);
  });
  const lines = ['record_id,mother_id_number,child_sex,birth_date'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`K-${i},${mothers[i % mothers.length]},${1 + (i % 2)},2025-0${1 + (i % 9)}-1${i % 10}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Runs the import in a child process and SIGKILLs it once it reports `phase` with at least `rows`. */
function importAndKill(t: TestContext, file: string, phase: string, rows: number): Promise<{ submission: string; killedAt: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/fixtures/import-until-killed.ts'), file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.database.url, POPX_DATA_DIR: t.config.dataDir, POPX_ADMIN_PASSWORD: 'Unused-Passw0rd-1', POPX_LOG_LEVEL: 'silent' },
    });
    let submission = '';
    let buffer = '';
    let killedAt = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        const [word, a, b] = line.split(' ');
        if (word === 'SUBMISSION') submission = a!;
        if (word === 'PROGRESS' && a === phase && Number(b) >= rows && !killedAt) {
          killedAt = line;
          child.kill('SIGKILL');
        }
        if (word === 'DONE' && !killedAt) killedAt = 'finished before the kill';
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    child.on('error', reject);
    child.on('close', () => resolve({ submission, killedAt }));
  });
}

describe.each(DIALECTS)('a submission killed mid-way on %s', (dialect) => {
  let t: TestContext;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'popx-crash-')), 'births.csv');
  beforeAll(async () => {
    writeBirths(file);
    t = await createTestContext(dialect);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  for (const phase of ['committing', 'validating']) {
    it(`leaves nothing in the ledger when killed while ${phase}, and completes on restart`, async () => {
      const { submission, killedAt } = await importAndKill(t, file, phase, 20_000);
      expect(killedAt).toMatch(new RegExp(`PROGRESS ${phase}`));
      const inLedger = async () =>
        Number((await t.ctx.db.kysely.selectFrom('ledger').select((eb) => eb.fn.countAll<number>().as('n')).where('submission_id', '=', submission).executeTakeFirstOrThrow()).n);
      expect(await inLedger()).toBe(0);
      const row = await t.ctx.db.kysely.selectFrom('submissions').selectAll().where('id', '=', submission).executeTakeFirstOrThrow();
      expect(row.status).toBe('processing');
      expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);

      // A server starting on this database finishes the interrupted submission from its stored file.
      const app = await buildTestApp(t.ctx);
      await app.ingestQueue.whenIdle();
      await app.close();
      const done = await t.ctx.db.kysely.selectFrom('submissions').selectAll().where('id', '=', submission).executeTakeFirstOrThrow();
      expect(done.status).toBe('committed');
      expect(done.received).toBe(ROWS);
      expect(await inLedger()).toBe(done.accepted + done.corrected + done.cancelled);
      expect(done.accepted + done.duplicate).toBe(ROWS);
      expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);
    }, 600_000);
  }
});
