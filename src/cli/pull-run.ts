import { recordAudit } from '../platform/audit/audit-log.js';
import { AppError } from '../platform/errors/index.js';
import { agreementReadableBy, FeedReader } from '../sharing/index.js';
import { databaseFeedSource, httpFeedSource, pullFeed, type FeedSource, type PullResult } from '../sharing/pull/pull-feed.js';
import { feedColumns } from '../sharing/feeds/feed-columns.js';
import { PullTarget, type PullFormat } from '../sharing/pull/pull-target.js';
import { withContext } from './cli-context.js';

export interface PullOptions {
  agreement: string;
  after?: string;
  out: string;
  format?: PullFormat;
  server?: string;
  token?: string;
  org?: string;
  max?: string;
}

/** What `popx pull` does with its options (registered in pull-command.ts). */
export async function runPull(options: PullOptions): Promise<void> {
  const format = options.format ?? formatOf(options.out);
  if (!['ndjson', 'csv', 'xlsx'].includes(format)) throw usage(`unknown --format ${format}`, `不支持的格式 ${format}`);
  const after = options.after === undefined ? undefined : Number(options.after);
  if (after !== undefined && (!Number.isInteger(after) || after < 0)) throw usage('--after must be a sequence number', '--after 须为序号');
  const max = options.max === undefined ? undefined : Number(options.max);
  const progress = (events: number, next: number, watermark: number) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${events.toLocaleString('en')} events · ${next}/${watermark}`);
  };
  let result: PullResult;
  if (options.server) {
    if (!options.token) throw usage('--token is required with --server', '使用 --server 时须提供 --token');
    const eventFields = format === 'ndjson' ? {} : await remoteEventFields(options.server, options.token, options.agreement);
    result = await run(httpFeedSource(options.server, options.token, options.agreement), options, format, eventFields, after, max, progress);
  } else {
    if (!options.org) throw usage('local mode needs --org (the agreement’s organisation), or use --server and --token', '本地模式须指定 --org（协议所属单位），或使用 --server 与 --token');
    result = await withContext(async (ctx) => {
      const readable = await agreementReadableBy(ctx, options.org!, options.agreement);
      const pulled = await run(databaseFeedSource(new FeedReader(ctx.db.kysely, readable)), options, format, readable.agreement.eventFields, after, max, progress);
      await recordAudit(ctx.db, {
        actor: { type: 'system', name: 'popx pull', role: null, orgCode: options.org! },
        action: 'feed.read',
        targetType: 'agreement',
        targetIds: [options.agreement],
        purpose: readable.agreement.purpose,
        details: { after: pulled.from, next: pulled.next, events: pulled.events, channel: 'cli' },
      });
      return pulled;
    });
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(`pulled ${result.events} events of ${options.agreement} after ${result.from}; cursor ${result.next} (available up to ${result.watermark}) → ${options.out}\n`);
}

async function run(source: FeedSource, options: PullOptions, format: PullFormat, eventFields: Record<string, string[]>, after: number | undefined, max: number | undefined, onProgress: (e: number, n: number, w: number) => void): Promise<PullResult> {
  const target = new PullTarget(options.out, format, options.agreement, feedColumns(eventFields));
  const from = target.open(after);
  return pullFeed(source, target, from, { max, onProgress });
}

async function remoteEventFields(server: string, token: string, agreement: string): Promise<Record<string, string[]>> {
  const response = await fetch(new URL(`/api/v1/agreements/${encodeURIComponent(agreement)}`, server), { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`cannot read agreement ${agreement}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  return ((await response.json()) as { eventFields: Record<string, string[]> }).eventFields;
}

function formatOf(file: string): PullFormat {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  return 'ndjson';
}

function usage(en: string, zh: string): AppError {
  return new AppError('VALIDATION_FAILED', { message: en, messageZh: zh });
}
