import fs from 'node:fs';
import path from 'node:path';
import { ingestSubmission, type IngestProgress } from '../exchange/ingest/ingest-submission.js';
import { receiveSubmission } from '../exchange/ingest/receive-submission.js';
import { findIssues, findSubmission, toSubmissionView, type SubmissionMode, type SubmissionView } from '../exchange/ingest/submissions.repository.js';
import { SYSTEM_ACTOR } from '../platform/audit/actor.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors/index.js';
import { crosscheckFollower } from '../crosscheck/index.js';
import { catchUpRegistry } from '../registry/index.js';
import { withContext } from './cli-context.js';

export interface ImportOptions {
  type?: string;
  org?: string;
  mode: SubmissionMode;
  server?: string;
  token?: string;
  strict?: boolean;
  /** commander's negation of --no-registry: project the registry after importing (default). */
  registry: boolean;
}

/** What `popx import` does with its arguments (registered in import-command.ts). */
export async function runImport(target: string, options: ImportOptions): Promise<void> {
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    await importDirectory(target, options);
    return;
  }
  if (!options.type) throw usage('--type is required for a file (e.g. --type birth)', '导入单个文件须指定 --type（如 --type birth）');
  const view = options.server ? await importRemote(target, options) : await importLocal(target, options);
  printReport(view.view, view.issues);
  if (view.view.rejected > 0 || view.view.status !== 'committed') process.exitCode = 1;
}

function usage(en: string, zh: string): AppError {
  return new AppError('VALIDATION_FAILED', { message: en, messageZh: zh });
}

async function importLocal(file: string, options: ImportOptions): Promise<{ view: SubmissionView; issues: IssueLine[] }> {
  if (!options.org) throw usage('--org is required in local mode (the organisation that submits)', '本地导入须指定 --org（报送机构代码）');
  return withContext(async (ctx) => {
    const result = await submitLocal(ctx, file, options.type!, options.org!, options.mode, true);
    if (options.registry) await projectRegistry(ctx);
    return result;
  });
}

type IssueLine = { row: number; severity: string; code: string; field: string | null; message: string; messageZh: string };

async function submitLocal(ctx: AppContext, file: string, type: string, orgCode: string, mode: SubmissionMode, progress: boolean): Promise<{ view: SubmissionView; issues: IssueLine[] }> {
  const org = await ctx.db.kysely.selectFrom('orgs').select(['id', 'code', 'type']).where('code', '=', orgCode).executeTakeFirst();
  if (!org) throw new AppError('UNKNOWN_ORG', { details: { orgCode } });
  const actor = { ...SYSTEM_ACTOR, name: `cli:${process.env.USER ?? 'unknown'}`, orgCode: org.code };
  const { id, job } = await receiveSubmission(ctx, {
    org,
    type,
    channel: 'cli',
    filename: path.basename(file),
    body: fs.createReadStream(file),
    idempotencyKey: null,
    mode,
    actor,
    submittedBy: null,
    limitBytes: ctx.config.uploadLimitBytes,
  });
  const started = performance.now();
  const show = (p: IngestProgress) => {
    if (!progress || !process.stderr.isTTY) return;
    const rate = Math.round(p.rows / ((performance.now() - started) / 1000 || 1));
    process.stderr.write(`\r  ${p.phase === 'committing' ? '写入账本 committing' : '校验 validating'}  ${p.rows.toLocaleString('en-US')} rows  ${rate.toLocaleString('en-US')} rows/s   `);
  };
  if (job) await ingestSubmission(ctx, job, show);
  if (progress && process.stderr.isTTY) process.stderr.write('\n');
  const row = (await findSubmission(ctx.db.kysely, id))!;
  const issues = await findIssues(ctx.db.kysely, id, { offset: 0, limit: 20 });
  return { view: toSubmissionView(row), issues: issues.items };
}

async function importRemote(file: string, options: ImportOptions): Promise<{ view: SubmissionView; issues: IssueLine[] }> {
  if (!options.token) throw usage('--token is required with --server', '使用 --server 时须提供 --token');
  const base = options.server!.replace(/\/$/, '');
  const contentType = /\.xlsx$/i.test(file)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.ndjson$/i.test(file)
      ? 'application/x-ndjson'
      : /\.json$/i.test(file)
        ? 'application/json'
        : 'text/csv';
  const url = `${base}/api/v1/submissions?type=${encodeURIComponent(options.type!)}&mode=${options.mode}&filename=${encodeURIComponent(path.basename(file))}`;
  const headers = { authorization: `Bearer ${options.token}` };
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': contentType },
    body: fs.readFileSync(file),
  });
  const accepted = (await response.json()) as { id?: string; error?: { message: string; messageZh: string } };
  if (!response.ok || !accepted.id) throw new Error(`${response.status} ${accepted.error?.message ?? ''} ${accepted.error?.messageZh ?? ''}`.trim());
  for (;;) {
    const status = (await (await fetch(`${base}/api/v1/submissions/${accepted.id}`, { headers })).json()) as SubmissionView & { progress: IngestProgress | null; issues: IssueLine[] };
    if (status.status !== 'processing') return { view: status, issues: status.issues.slice(0, 20) };
    if (process.stderr.isTTY && status.progress) process.stderr.write(`\r  ${status.progress.phase}  ${status.progress.rows.toLocaleString('en-US')} rows   `);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function importDirectory(dir: string, options: ImportOptions): Promise<void> {
  if (options.server) throw usage('a directory is replayed locally only (each file as its organisation); drop --server', '目录只能本地导入（按各文件的机构报送），请去掉 --server');
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw usage(`${dir} has no manifest.json (made by popx gen)`, `${dir} 中没有 manifest.json`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Array<{ file: string; type: string; org: string; month: string }> };
  const totals = { files: 0, received: 0, accepted: 0, duplicate: 0, corrected: 0, cancelled: 0, rejected: 0, warnings: 0 };
  const started = performance.now();
  await withContext(async (ctx) => {
    for (const [index, entry] of manifest.files.entries()) {
      const { view } = await submitLocal(ctx, path.join(dir, entry.file), entry.type, entry.org, options.mode, false);
      totals.files += 1;
      for (const key of ['received', 'accepted', 'duplicate', 'corrected', 'cancelled', 'rejected', 'warnings'] as const) totals[key] += view[key];
      if (process.stderr.isTTY) process.stderr.write(`\r  ${index + 1}/${manifest.files.length} files  ${totals.received.toLocaleString('en-US')} rows   `);
    }
    if (options.registry) await projectRegistry(ctx);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `imported ${totals.files} files in ${seconds.toFixed(1)} s: received ${totals.received}, accepted ${totals.accepted}, duplicate ${totals.duplicate}, ` +
      `corrected ${totals.corrected}, cancelled ${totals.cancelled}, rejected ${totals.rejected}, with warnings ${totals.warnings}\n`,
  );
  if (options.strict && totals.rejected > 0) process.exitCode = 1;
}

/** Brings the registry up to date with what was imported, showing progress on a terminal. */
async function projectRegistry(ctx: AppContext): Promise<void> {
  const started = performance.now();
  const result = await catchUpRegistry(
    ctx,
    (p) => {
      if (process.stderr.isTTY) process.stderr.write(`\r  人口库 registry  ${p.entries.toLocaleString('en-US')} records   `);
    },
    ctx.config.crosscheckIncremental ? crosscheckFollower(ctx) : undefined,
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(
    `registry: ${result.entries} ledger entries projected in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      `${result.reviews > 0 ? `, ${result.reviews} links for review` : ''}\n`,
  );
}

function printReport(view: SubmissionView, issues: IssueLine[]): void {
  const out = process.stdout;
  out.write(`submission ${view.id}  ${view.orgCode}  ${view.type}  ${view.status}\n`);
  if (view.fileProblem) out.write(`  file rejected: ${view.fileProblem.message}\n  文件被退回：${view.fileProblem.messageZh}\n`);
  out.write(
    `  received ${view.received}  accepted ${view.accepted}  duplicate ${view.duplicate}  corrected ${view.corrected}  ` +
      `cancelled ${view.cancelled}  rejected ${view.rejected}  warnings ${view.warnings}\n`,
  );
  if (view.receipt?.ledgerFrom) out.write(`  receipt: ledger ${view.receipt.ledgerFrom}–${view.receipt.ledgerTo}, head ${view.receipt.headHash}\n`);
  for (const issue of issues) {
    out.write(`  row ${issue.row} ${issue.severity} ${issue.code}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}\n      第 ${issue.row} 行：${issue.messageZh}\n`);
  }
}
