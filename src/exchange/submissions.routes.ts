import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../platform/audit/actor.js';
import { recordAudit } from '../platform/audit/audit-log.js';
import type { Principal } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors/index.js';
import { principalOf } from '../platform/http/access-gate.js';
import { PagingQuery } from '../platform/http/schemas.js';
import type { IngestQueue } from './ingest/ingest-queue.js';
import { writeErrorRows } from './ingest/error-rows.js';
import { verifyReceipt } from './ledger/verify-ledger.js';
import { receiveSubmission } from './ingest/receive-submission.js';
import { findIssues, findSubmission, findSubmissions, toSubmissionView, type SubmissionMode } from './ingest/submissions.repository.js';

/** Roles that see every organisation's submissions; everyone else sees their own organisation's. */
const SEES_ALL = new Set(['bureau_admin', 'bureau_analyst', 'auditor']);

function visibleOrgs(principal: Principal): string[] | undefined {
  return SEES_ALL.has(principal.role) ? undefined : [principal.org.code];
}

const RAW_TYPES = [
  'application/json',
  'application/x-ndjson',
  'application/ndjson',
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Submitting files and following their processing: `POST /api/v1/submissions`, status, issues, list. */
export async function submissionRoutes(app: FastifyInstance, ctx: AppContext, queue: IngestQueue): Promise<void> {
  await app.register(async (scope) => {
    // The body is streamed to disk as it arrives, never parsed or buffered by the framework.
    scope.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
    await scope.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 10 } });

    scope.post(
      '/api/v1/submissions',
      {
        config: { access: { permission: 'submission.create' } },
        bodyLimit: ctx.config.uploadLimitBytes,
        schema: {
          tags: ['exchange'],
          summary: 'Submit a file (multipart field `file`) or a JSON array / NDJSON body; answers 202 with the submission id',
          querystring: Type.Object({
            type: Type.Optional(Type.String({ maxLength: 64 })),
            mode: Type.Optional(Type.Union([Type.Literal('accept_valid'), Type.Literal('reject_all')])),
            filename: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const query = request.query as { type?: string; mode?: SubmissionMode; filename?: string };
        const body = await readBody(request);
        const type = body.fields.type ?? query.type;
        if (!type) {
          body.stream.resume();
          throw new AppError('VALIDATION_FAILED', {
            message: 'say which event type the file holds: ?type=… (or a form field "type")',
            messageZh: '请指明文件的事件类型：?type=…（或表单字段 type）',
            details: { field: 'type' },
          });
        }
        const mode = (body.fields.mode ?? query.mode ?? 'accept_valid') as SubmissionMode;
        if (mode !== 'accept_valid' && mode !== 'reject_all') {
          body.stream.resume();
          throw new AppError('VALIDATION_FAILED', { details: { field: 'mode', allowed: ['accept_valid', 'reject_all'] } });
        }
        const { id, job } = await receiveSubmission(ctx, {
          org: { id: principal.org.id, code: principal.org.code, type: principal.org.type },
          type,
          channel: principal.kind === 'token' ? 'api' : body.multipart ? 'upload' : 'api',
          filename: body.filename ?? query.filename ?? null,
          body: body.stream,
          idempotencyKey: (request.headers['idempotency-key'] as string | undefined) ?? null,
          mode,
          actor: actorOf(principal),
          submittedBy: principal.id,
          limitBytes: ctx.config.uploadLimitBytes,
        });
        if (job) queue.enqueue(job);
        return reply.status(202).send({ id, status: job ? 'processing' : 'existing', statusUrl: `/api/v1/submissions/${id}` });
      },
    );
  });

  app.get(
    '/api/v1/submissions',
    {
      config: { access: { permission: 'submission.read' } },
      schema: {
        tags: ['exchange'],
        summary: 'Submissions, newest first: your organisation’s (the bureau sees all)',
        querystring: Type.Object({
          org: Type.Optional(Type.String({ maxLength: 32 })),
          type: Type.Optional(Type.String({ maxLength: 64 })),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          from: Type.Optional(Type.String({ maxLength: 30 })),
          to: Type.Optional(Type.String({ maxLength: 30 })),
          ...PagingQuery,
        }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const query = request.query as { org?: string; type?: string; status?: string; from?: string; to?: string; page: number; pageSize: number };
      const own = visibleOrgs(principal);
      const orgCodes = query.org ? (own && !own.includes(query.org) ? [] : [query.org]) : own;
      return findSubmissions(ctx.db.kysely, {
        orgCodes,
        type: query.type,
        status: query.status,
        from: query.from,
        to: query.to,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
    },
  );

  app.get(
    '/api/v1/submissions/:id',
    {
      config: { access: { permission: 'submission.read' } },
      schema: {
        tags: ['exchange'],
        summary: 'A submission: status, live progress and the report (counts, receipt, the first issues)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const row = await findVisibleSubmission(ctx, principal, (request.params as { id: string }).id);
      const view = toSubmissionView(row);
      const issues = await findIssues(ctx.db.kysely, row.id, { offset: 0, limit: 100 });
      if (issues.items.length > 0) await auditIssueRead(ctx, principal, row.id, 'submission.issues.read', request.ip);
      return { ...view, progress: queue.progressOf(row.id) ?? null, issues: issues.items, issueCount: issues.total };
    },
  );

  app.get(
    '/api/v1/submissions/:id/issues',
    {
      config: { access: { permission: 'submission.read' } },
      schema: {
        tags: ['exchange'],
        summary: "A submission's per-row errors and warnings, in row order",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ severity: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('warning')])), ...PagingQuery }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const row = await findVisibleSubmission(ctx, principal, (request.params as { id: string }).id);
      const query = request.query as { severity?: string; page: number; pageSize: number };
      await auditIssueRead(ctx, principal, row.id, 'submission.issues.read', request.ip);
      return findIssues(ctx.db.kysely, row.id, { severity: query.severity, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    },
  );
  app.get(
    '/api/v1/ledger/receipts/verify',
    {
      config: { access: { permission: 'submission.read' } },
      schema: {
        tags: ['exchange'],
        summary: 'Check a submission receipt: the ledger entry still carries the receipt hash and the chain up to it is intact',
        querystring: Type.Object({
          to: Type.Integer({ minimum: 1 }),
          hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
        }),
      },
    },
    async (request) => {
      const query = request.query as { to: number; hash: string };
      return verifyReceipt(ctx.db, { to: query.to, headHash: query.hash });
    },
  );

  app.get(
    '/api/v1/submissions/:id/:file',
    {
      config: { access: { permission: 'submission.read' } },
      schema: {
        tags: ['exchange'],
        summary: '`errors.csv` or `errors.xlsx`: the rejected rows in their original columns plus the reasons, to fix and upload again',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), file: Type.Union([Type.Literal('errors.csv'), Type.Literal('errors.xlsx')]) }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const params = request.params as { id: string; file: 'errors.csv' | 'errors.xlsx' };
      const row = await findVisibleSubmission(ctx, principal, params.id);
      if (row.status === 'processing') {
        throw new AppError('VALIDATION_FAILED', { message: 'the submission is still being processed', messageZh: '该批数据仍在处理中，请稍后再下载' });
      }
      const format = params.file.endsWith('.csv') ? 'csv' : 'xlsx';
      await auditIssueRead(ctx, principal, row.id, 'submission.errors.download', request.ip);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-errors-'));
      const target = path.join(dir, params.file);
      try {
        await writeErrorRows(ctx, { id: row.id, type: row.type }, format, target);
      } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
      const base = (row.filename ?? row.type).replace(/\.[^.]+$/, '');
      reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="errors.${format}"; filename*=UTF-8''${encodeURIComponent(`${base}-退回的行.${format}`)}`);
      const stream = fs.createReadStream(target);
      stream.on('close', () => fs.rmSync(dir, { recursive: true, force: true }));
      return reply.send(stream);
    },
  );
}

/** A submission the principal may see; NOT_FOUND otherwise (not telling another org's ids apart from absent ones). */
async function findVisibleSubmission(ctx: AppContext, principal: Principal, id: string) {
  const row = await findSubmission(ctx.db.kysely, id);
  const own = visibleOrgs(principal);
  if (!row || (own && !own.includes(row.org_code))) throw new AppError('NOT_FOUND');
  return row;
}

/** Issues quote the offending cells (ID numbers, names): reading them is a read of personal data. */
function auditIssueRead(ctx: AppContext, principal: Principal, submissionId: string, action: string, ip: string): Promise<number> {
  return recordAudit(ctx.db, { actor: actorOf(principal), action, targetType: 'submission', targetIds: [submissionId], ip });
}

/** The uploaded stream and its form fields, from multipart or a raw body. */
async function readBody(request: FastifyRequest): Promise<{ stream: Readable; filename?: string; fields: Record<string, string>; multipart: boolean }> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) {
      throw new AppError('VALIDATION_FAILED', { message: 'the form has no file field', messageZh: '表单中没有文件', details: { field: 'file' } });
    }
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.fields)) {
      const field = Array.isArray(value) ? value[0] : value;
      if (field && field.type === 'field') fields[name] = String(field.value);
    }
    return { stream: part.file, filename: part.filename, fields, multipart: true };
  }
  if (!request.body || typeof (request.body as { pipe?: unknown }).pipe !== 'function') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      details: { accepted: ['multipart/form-data', ...RAW_TYPES] },
    });
  }
  return { stream: request.body as Readable, fields: {}, multipart: false };
}
