import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { SYSTEM_ACTOR } from '../../platform/audit/actor.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { verifyLedgerChain } from '../ledger/verify-ledger.js';
import { ingestSubmission, type ValidationThread } from './ingest-submission.js';
import { receiveSubmission } from './receive-submission.js';
import type { SubmissionMode } from './submissions.repository.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-ingest-'));
const id = (body17: string) => body17 + idCheckChar(body17);
const HEADER = '记录编号,操作,母亲公民身份号码,婴儿性别,出生日期,母亲姓名,孩次';

/**
 * A birth file over several batches: wrong check digits (rejected), a record sent twice in the
 * file (a duplicate) and once changed without action=correct (refused), a correction and a
 * cancellation of records earlier in the file, and `bad` rows with a wrong check digit from `badFrom`.
 */
function writeBirths(name: string, rows: number, options: { badFrom?: number } = {}): string {
  const lines = [HEADER];
  const mother = (i: number) =>
    id(
      `4406061990${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + (i % 800)).slice(-3)}`,
    );
  for (let i = 0; i < rows; i += 1) {
    const m = mother(i);
    const wrong =
      (options.badFrom !== undefined && i >= options.badFrom) || (options.badFrom === undefined && i % 97 === 13);
    const shown = wrong ? m.slice(0, 17) + (m[17] === '9' ? '8' : '9') : m;
    lines.push(`K-${i},,${shown},${i % 2 === 0 ? '男' : '女'},2025-0${1 + (i % 9)}-1${i % 10},陈丽,${1 + (i % 3)}`);
  }
  if (options.badFrom === undefined) {
    lines.push(`K-1,,${mother(1)},女,2025-02-11,陈丽,2`, `K-2,,${mother(2)},女,2025-03-12,陈丽,3`);
    lines.push(`K-4,correct,${mother(4)},男,2025-05-12,陈丽,2`, `K-5,cancel,,,,,`);
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

describe.each(DIALECTS)('ingesting a submission on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const ingest = async (
    file: string,
    org: string,
    validation: ValidationThread,
    mode: SubmissionMode = 'accept_valid',
  ) => {
    const orgRow = await t.ctx.db.kysely
      .selectFrom('orgs')
      .select(['id', 'code', 'type'])
      .where('code', '=', org)
      .executeTakeFirstOrThrow();
    const { id: submission, job } = await receiveSubmission(t.ctx, {
      org: orgRow,
      type: 'birth',
      channel: 'cli',
      filename: path.basename(file),
      body: fs.createReadStream(file),
      idempotencyKey: null,
      mode,
      actor: SYSTEM_ACTOR,
      submittedBy: null,
      limitBytes: 1e9,
    });
    const phases = new Set<string>();
    await ingestSubmission(t.ctx, job!, (p) => phases.add(p.phase), { validation });
    const db = t.ctx.db.kysely;
    const row = await db.selectFrom('submissions').selectAll().where('id', '=', submission).executeTakeFirstOrThrow();
    const issues = await db
      .selectFrom('submission_issues')
      .select(['row', 'ordinal', 'severity', 'code', 'field', 'value', 'message', 'message_zh'])
      .where('submission_id', '=', submission)
      .orderBy('row')
      .orderBy('ordinal')
      .execute();
    const ledger = await db
      .selectFrom('ledger')
      .select(['record_id', 'action', 'refs_seq', 'subject', 'event_date', 'payload', 'payload_hash'])
      .where('submission_id', '=', submission)
      .orderBy('seq')
      .execute();
    const {
      status,
      received,
      accepted,
      duplicate,
      corrected,
      cancelled,
      rejected,
      warnings,
      format,
      encoding,
      file_problem,
    } = row;
    return {
      report: {
        status,
        received,
        accepted,
        duplicate,
        corrected,
        cancelled,
        rejected,
        warnings,
        format,
        encoding,
        file_problem,
      },
      issues,
      ledger: ledger.map((entry) => ({ ...entry, refs_seq: entry.refs_seq === null ? null : 'earlier' })),
      phases,
    };
  };

  it('gives the same report, issues and ledger entries whether rows are validated in a worker or in this thread', async () => {
    const file = writeBirths('mixed.csv', 3_500);
    const inThread = await ingest(file, 'HOSP-01', 'in-thread');
    const inWorker = await ingest(file, 'HOSP-02', 'worker');
    expect(inWorker.report).toEqual(inThread.report);
    expect(inWorker.issues).toEqual(inThread.issues);
    expect(inWorker.ledger).toEqual(inThread.ledger);
    expect(inThread.report).toMatchObject({
      status: 'committed',
      received: 3_504,
      duplicate: 1,
      corrected: 1,
      cancelled: 1,
    });
    expect(inThread.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['ID_CHECK_DIGIT', 'RECORD_EXISTS']),
    );
    expect(inWorker.phases).toEqual(new Set(['validating', 'committing', 'done']));
    expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);
  }, 120_000);

  it('appends nothing of a reject-all file whose bad rows come after batches already appended', async () => {
    const file = writeBirths('late-errors.csv', 3_500, { badFrom: 3_200 });
    const before = await t.ctx.db.kysely
      .selectFrom('chain_heads')
      .selectAll()
      .where('name', '=', 'exchange')
      .executeTakeFirstOrThrow();
    for (const validation of ['worker', 'in-thread'] as const) {
      const result = await ingest(file, 'HOSP-01', validation, 'reject_all');
      expect(result.report).toMatchObject({
        status: 'rejected',
        received: 3_500,
        accepted: 0,
        duplicate: 0,
        rejected: 300,
      });
      expect(result.ledger).toEqual([]);
      expect(result.issues.filter((issue) => issue.code === 'ID_CHECK_DIGIT')).toHaveLength(300);
    }
    const after = await t.ctx.db.kysely
      .selectFrom('chain_heads')
      .selectAll()
      .where('name', '=', 'exchange')
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  }, 120_000);

  it('keeps nothing of a file that turns unreadable after its first batches, and says after how many rows', async () => {
    const file = path.join(dir, 'unreadable.csv');
    // ASCII up to bytes that are neither UTF-8 nor GB18030: the encoding is only decided there.
    const rows = Array.from({ length: 3_000 }, (_, i) => `K-U${i},,${id('44060619900101002')},1,2025-01-01`).join('\n');
    const head = 'record_id,action,mother_id_number,child_sex,birth_date';
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${head}\n${rows}\n`), Buffer.from([0x81, 0x20, 0xff, 0x0a])]));
    const problems = [];
    for (const validation of ['worker', 'in-thread'] as const) {
      const result = await ingest(file, 'HOSP-01', validation);
      expect(result.report.status).toBe('rejected');
      expect(result.ledger).toEqual([]);
      problems.push(JSON.parse(result.report.file_problem!));
    }
    expect(problems[0]).toEqual(problems[1]);
    // Every row before the bad bytes was read, however fast the rows were taken.
    expect(problems[0]).toMatchObject({ code: 'ENCODING', details: { afterRows: 3_000 } });
    expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);
  }, 120_000);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
