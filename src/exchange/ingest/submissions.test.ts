import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestToken, login, type Session } from '../../../test/http-helpers.js';
import { createTestContext, DIALECTS, TEST_ADMIN_PASSWORD, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { verifyLedgerChain } from '../ledger/verify-ledger.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const MOTHER = id('44060619920315002');
const WRONG_CHECK = MOTHER.slice(0, 17) + (MOTHER[17] === '9' ? '8' : '9');
const HEADER = '记录编号,操作,母亲公民身份号码,婴儿性别,出生日期,母亲姓名,孩次';

function birthsCsv(rows: string[]): string {
  return `\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`;
}

describe.each(DIALECTS)('submissions on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let hospital: string;
  let police: string;

  const submit = async (body: string, options: { token?: string; query?: string; key?: string; contentType?: string } = {}) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/submissions?type=birth${options.query ?? ''}`,
      headers: {
        authorization: `Bearer ${options.token ?? hospital}`,
        'content-type': options.contentType ?? 'text/csv',
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(202);
    await app.ingestQueue.whenIdle();
    const status = await app.inject({ method: 'GET', url: `/api/v1/submissions/${response.json().id}`, headers: { authorization: `Bearer ${options.token ?? hospital}` } });
    return status.json();
  };
  const ledgerCount = async () =>
    Number((await t.ctx.db.kysely.selectFrom('ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    hospital = (await createTestToken(t.ctx, 'HOSP-01')).secret;
    police = (await createTestToken(t.ctx, 'PS-005')).secret;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('accepts the valid rows, rejects the others with row, field and a bilingual reason, and gives a receipt', async () => {
    const report = await submit(
      birthsCsv([
        `H1-0001,,${MOTHER},女,2025-03-01,陈丽,1`,
        `H1-0002,,${WRONG_CHECK},男,2025/3/2,陈丽,2`,
        `H1-0003,,${id('44060619900101002')},男,20250303,,`,
        `H1-0004,,${id('44060619900101002')},3,2025-03-04,,`,
        `H1-0005,,${id('44060619900101002')},1,2099-01-01,,`,
      ]),
    );
    expect(report).toMatchObject({ status: 'committed', received: 5, accepted: 2, rejected: 3, format: 'csv', encoding: 'utf-8' });
    const codes = report.issues.map((i: { row: number; code: string }) => `${i.row}:${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['3:ID_CHECK_DIGIT', '5:CODE_UNKNOWN', '6:DATE_FUTURE']));
    const checkDigit = report.issues.find((i: { code: string }) => i.code === 'ID_CHECK_DIGIT');
    expect(checkDigit.field).toBe('mother_id_number');
    expect(checkDigit.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(report.receipt.ledgerTo - report.receipt.ledgerFrom).toBe(1);
    expect(report.receipt.headHash).toMatch(/^[0-9a-f]{64}$/);
    const entry = await t.ctx.db.kysely.selectFrom('ledger').selectAll().where('record_id', '=', 'H1-0003').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.payload)).toMatchObject({ birth_date: '2025-03-03', child_sex: '1' });
    expect(entry.event_date).toBe('2025-03-03');
    expect((await verifyLedgerChain(t.ctx.db)).ok).toBe(true);
    const verify = (hash: string) =>
      app.inject({ method: 'GET', url: `/api/v1/ledger/receipts/verify?to=${report.receipt.ledgerTo}&hash=${hash}`, headers: { authorization: `Bearer ${hospital}` } });
    expect((await verify(report.receipt.headHash)).json()).toEqual({ ok: true });
    expect((await verify('0'.repeat(64))).json().ok).toBe(false);
  });

  it('gives back the rejected rows with their reasons, to fix and upload again', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/submissions?pageSize=1', headers: { authorization: `Bearer ${hospital}` } });
    const first = list.json().items[0];
    const csv = await app.inject({ method: 'GET', url: `/api/v1/submissions/${first.id}/errors.csv`, headers: { authorization: `Bearer ${hospital}` } });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe(`原行号 Row,${HEADER},错误说明 Errors`);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^3,H1-0002,/);
    expect(lines[1]).toContain('校验位');
    const xlsx = await app.inject({ method: 'GET', url: `/api/v1/submissions/${first.id}/errors.xlsx`, headers: { authorization: `Bearer ${hospital}` } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const reads = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'submission.errors.download').execute();
    expect(reads.length).toBe(2);
    expect(JSON.parse(reads[0]!.target_ids)).toEqual([first.id]);
  });

  it('serves templates whose filled-in CSV is accepted as it is', async () => {
    const xlsx = await app.inject({ method: 'GET', url: '/api/v1/templates/birth.xlsx', headers: { authorization: `Bearer ${hospital}` } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const csv = await app.inject({ method: 'GET', url: '/api/v1/templates/birth.csv', headers: { authorization: `Bearer ${hospital}` } });
    const header = csv.body.replace(/^\uFEFF/, '').trim();
    expect(header.split(',')[0]).toBe('记录编号*');
    const filled = `${header}\r\nT-1,,${MOTHER},女,2025-04-01,,,,,,,,,\r\n`;
    const report = await submit(filled);
    expect(report).toMatchObject({ accepted: 1, rejected: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/templates/nothing.csv', headers: { authorization: `Bearer ${hospital}` } })).statusCode).toBe(404);
  });

  it('counts an identical resubmission as duplicates without appending anything', async () => {
    const before = await ledgerCount();
    const report = await submit(birthsCsv([`H1-0001,,${MOTHER},女,2025-03-01,陈丽,1`]));
    expect(report).toMatchObject({ accepted: 0, duplicate: 1, rejected: 0 });
    expect(await ledgerCount()).toBe(before);
  });

  it('refuses a changed record without "correct", then applies the correction and the cancellation', async () => {
    const changed = await submit(birthsCsv([`H1-0001,,${MOTHER},女,2025-03-01,陈莉,1`]));
    expect(changed.issues[0]).toMatchObject({ code: 'RECORD_EXISTS', row: 2 });
    const corrected = await submit(birthsCsv([`H1-0001,更正,${MOTHER},女,2025-03-01,陈莉,1`]));
    expect(corrected).toMatchObject({ corrected: 1, rejected: 0 });
    const cancelled = await submit(birthsCsv([`H1-0001,撤销,,,,,`]));
    expect(cancelled).toMatchObject({ cancelled: 1, rejected: 0 });
    const entries = await t.ctx.db.kysely.selectFrom('ledger').selectAll().where('record_id', '=', 'H1-0001').orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['create', 'correct', 'cancel']);
    expect(Number(entries[1]!.refs_seq)).toBe(Number(entries[0]!.seq));
    const unknown = await submit(birthsCsv([`H1-9999,更正,${MOTHER},女,2025-03-01,陈莉,1`]));
    expect(unknown.issues[0].code).toBe('RECORD_NOT_FOUND');
  });

  it('treats a record id repeated inside one new file as a duplicate or a conflict', async () => {
    const report = await submit(
      birthsCsv([
        `H1-0500,,${MOTHER},女,2025-03-09,陈丽,2`,
        `H1-0500,,${MOTHER},女,2025-03-09,陈丽,2`,
        `H1-0500,,${MOTHER},男,2025-03-09,陈丽,2`,
      ]),
    );
    expect(report).toMatchObject({ accepted: 1, duplicate: 1, rejected: 1 });
    expect(report.issues[0]).toMatchObject({ row: 4, code: 'RECORD_EXISTS' });
  });

  it('rejects the whole file on any error when asked, keeping nothing', async () => {
    const before = await ledgerCount();
    const report = await submit(birthsCsv([`H1-0100,,${MOTHER},女,2025-03-05,陈丽,2`, `H1-0101,,bad,女,2025-03-05,,`]), { query: '&mode=reject_all' });
    expect(report).toMatchObject({ status: 'rejected', accepted: 0, rejected: 1 });
    expect(report.fileProblem.code).toBe('WHOLE_FILE_REJECTED');
    expect(await ledgerCount()).toBe(before);
  });

  it('processes a request once per Idempotency-Key', async () => {
    const body = birthsCsv([`H1-0200,,${MOTHER},男,2025-03-06,陈丽,2`]);
    const first = await submit(body, { key: 'night-batch-2025-03-06' });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/submissions?type=birth',
      headers: { authorization: `Bearer ${hospital}`, 'content-type': 'text/csv', 'idempotency-key': 'night-batch-2025-03-06' },
      payload: body,
    });
    expect(again.json()).toMatchObject({ id: first.id, status: 'existing' });
    const otherFile = await app.inject({
      method: 'POST',
      url: '/api/v1/submissions?type=birth',
      headers: { authorization: `Bearer ${hospital}`, 'content-type': 'text/csv', 'idempotency-key': 'night-batch-2025-03-06' },
      payload: birthsCsv([`H1-0201,,${MOTHER},男,2025-03-07,陈丽,2`]),
    });
    expect(otherFile.statusCode).toBe(409);
    expect(otherFile.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(first.orgName).toBe('顺德区第一人民医院');
  });

  it('accepts NDJSON and JSON array bodies', async () => {
    const ndjson = await submit(`{"record_id":"H1-0300","mother_id_number":"${MOTHER}","child_sex":"1","birth_date":"2025-03-07"}\n`, { contentType: 'application/x-ndjson' });
    expect(ndjson).toMatchObject({ format: 'ndjson', accepted: 1 });
    const json = await submit(JSON.stringify([{ record_id: 'H1-0301', mother_id_number: MOTHER, child_sex: '2', birth_date: '2025-03-08' }]), { contentType: 'application/json' });
    expect(json).toMatchObject({ format: 'json', accepted: 1 });
  });

  it("refuses a type the organisation may not submit, and a file missing required columns", async () => {
    const notAllowed = await submit(birthsCsv([`P-1,,${MOTHER},女,2025-03-01,,`]), { token: police });
    expect(notAllowed).toMatchObject({ status: 'rejected', accepted: 0 });
    expect(notAllowed.fileProblem.code).toBe('ORG_NOT_ALLOWED');
    const missing = await submit('\uFEFF记录编号,母亲公民身份号码\r\nX-1,440606199203150027\r\n');
    expect(missing.fileProblem.code).toBe('MISSING_COLUMNS');
    expect(JSON.stringify(missing.fileProblem.details)).toContain('婴儿性别');
  });

  it("shows a department only its own submissions", async () => {
    const mine = await app.inject({ method: 'GET', url: '/api/v1/submissions?pageSize=200', headers: { authorization: `Bearer ${police}` } });
    expect(mine.json().items.every((s: { orgCode: string }) => s.orgCode === 'PS-005')).toBe(true);
    const hospitalsOwn = await app.inject({ method: 'GET', url: '/api/v1/submissions?pageSize=200', headers: { authorization: `Bearer ${hospital}` } });
    const someId = hospitalsOwn.json().items[0].id;
    expect((await app.inject({ method: 'GET', url: `/api/v1/submissions/${someId}`, headers: { authorization: `Bearer ${police}` } })).statusCode).toBe(404);
    const admin: Session = await login(app, 'admin', TEST_ADMIN_PASSWORD);
    const all = await admin.request({ method: 'GET', url: '/api/v1/submissions?pageSize=200' });
    expect(new Set(all.json().items.map((s: { orgCode: string }) => s.orgCode))).toEqual(new Set(['HOSP-01', 'PS-005']));
  });

  it('notices an edited ledger payload', async () => {
    const entry = await t.ctx.db.kysely.selectFrom('ledger').selectAll().orderBy('seq').executeTakeFirstOrThrow();
    const edited = { ...JSON.parse(entry.payload), birth_date: '2024-12-31' };
    await t.ctx.db.kysely.updateTable('ledger').set({ payload: JSON.stringify(edited) }).where('seq', '=', entry.seq).execute();
    const report = await verifyLedgerChain(t.ctx.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.seq).toBe(Number(entry.seq));
  });
});
