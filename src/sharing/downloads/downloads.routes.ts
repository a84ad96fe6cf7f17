import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { getEventType } from '../../exchange/catalog/index.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { actorOf } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import { principalOf } from '../../platform/http/access-gate.js';
import type { CellValue, Column } from '../../platform/tabular/index.js';
import { personsDueBetween } from '../../registry/index.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import { type PersonField } from '../agreements/agreement.js';
import { readableAgreement, readableAgreementsOf, type ReadableAgreement } from '../agreements/agreements.service.js';
import { FEED_META_COLUMNS, feedColumns } from '../feeds/feed-columns.js';
import { FeedReader, feedLines, parseFeedItem } from '../feeds/feed-reader.js';
import { isPersonInArea, projectPerson } from '../persons/shared-person-lookup.js';
import { sendTabularDownload, type DownloadFormat } from './download-file.js';

const MONTH = '^\\d{4}-(0[1-9]|1[0-2])$';
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
/** Most women one due list holds. */
const DUE_LIST_MAX = 50_000;

export const PERSON_FIELD_LABELS: Record<PersonField, string> = {
  id_number: '公民身份号码',
  name: '姓名',
  sex: '性别',
  birth_date: '出生日期',
  died_on: '死亡日期',
  hukou_division: '户籍地',
  residence_division: '居住地',
  managing_division: '管理地',
  population: '人口类别',
  marital_status: '婚姻状况',
  household_number: '户号',
  expected_delivery_on: '预产期',
  contraception_method: '避孕方法',
  flags: '标记',
};

/** Downloads under an agreement: its events for a period (a town's monthly change list) and a hospital's due list. */
export async function downloadRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/agreements/:id/export',
    {
      config: { access: { permission: 'shared.read' } },
      schema: {
        tags: ['sharing'],
        summary: 'An agreement’s events whose event date lies in a month or period, as XLSX (Chinese headers) or CSV (UTF-8 with BOM); audited',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({
          month: Type.Optional(Type.String({ pattern: MONTH })),
          from: Type.Optional(Type.String({ pattern: DATE })),
          to: Type.Optional(Type.String({ pattern: DATE })),
          type: Type.Optional(Type.String({ maxLength: 40 })),
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'xlsx' }),
        }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id } = request.params as { id: string };
      const query = request.query as { month?: string; from?: string; to?: string; type?: string; format: DownloadFormat };
      const readable = await readableAgreement(ctx, principal, id);
      const period = periodOf(query);
      if (query.type && !readable.agreement.eventFields[query.type]) {
        throw new AppError('VALIDATION_FAILED', { message: `the agreement does not share ${query.type}`, messageZh: '该协议不包含此事件类型', details: { field: 'type' } });
      }
      const types = query.type ? [query.type] : Object.keys(readable.agreement.eventFields);
      const columns = feedColumns(Object.fromEntries(types.map((type) => [type, readable.agreement.eventFields[type] ?? []])));
      const fieldColumns = columns.slice(FEED_META_COLUMNS.length);
      const reader = new FeedReader(ctx.db.kysely, readable, { type: query.type, eventFrom: period.from, eventTo: period.to });
      let rows = 0;
      async function* produce(): AsyncGenerator<CellValue[]> {
        let cursor = 0;
        for (;;) {
          const page = await reader.page(cursor, 5000);
          for (const text of feedLines(page)) {
            const item = parseFeedItem(text);
            rows += 1;
            yield [item.seq, getEventType(item.type)?.labelZh ?? item.type, item.action, item.recordId, item.refsSeq, item.orgCode, item.eventDate, item.committedAt, ...fieldColumns.map((c) => cell(item.fields[c.key]))];
          }
          if (page.next >= page.watermark) break;
          cursor = page.next;
        }
      }
      const sent = await sendTabularDownload(reply, query.format, `${id}-${period.from}_${period.to}`, columns, produce());
      await auditDownload(ctx, principal, request, 'download.events', [readable], { from: period.from, to: period.to, type: query.type ?? null, rows, format: query.format });
      return sent;
    },
  );

  app.get(
    '/api/v1/downloads/due-list',
    {
      config: { access: { permission: 'shared.read' } },
      schema: {
        tags: ['sharing'],
        summary: 'Women due to deliver in the next N weeks in the caller’s agreement area (hospitals booking deliveries): JSON, XLSX or CSV; audited',
        querystring: Type.Object({
          weeks: Type.Integer({ minimum: 1, maximum: 52, default: 4 }),
          agreement: Type.Optional(Type.String({ maxLength: 64 })),
          format: Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], { default: 'json' }),
        }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const query = request.query as { weeks: number; agreement?: string; format: 'json' | DownloadFormat };
      const candidates = query.agreement ? [await readableAgreement(ctx, principal, query.agreement)] : await readableAgreementsOf(ctx, principal);
      const readable = candidates.find((a) => a.agreement.personFields.includes('expected_delivery_on'));
      if (!readable) throw new AppError('NO_AGREEMENT', { details: { personFields: 'expected_delivery_on' } });
      const from = todayInDistrict();
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + query.weeks * 7 * 86_400_000).toISOString().slice(0, 10);
      const persons = (await personsDueBetween(ctx.db.kysely, from, to, DUE_LIST_MAX)).filter((p) => isPersonInArea(p, readable.area));
      const fields = readable.agreement.personFields;
      await auditDownload(ctx, principal, request, 'download.due_list', [readable], { from, to, rows: persons.length, format: query.format }, persons.map((p) => String(p.id)));
      if (query.format === 'json') return { agreement: readable.agreement.id, from, to, fields, items: persons.map((p) => projectPerson(p, fields)), total: persons.length };
      const columns: Column[] = fields.map((f) => ({ key: f, header: PERSON_FIELD_LABELS[f], kind: f === 'id_number' ? 'text' : f.endsWith('_on') || f === 'birth_date' ? 'date' : undefined }));
      async function* produce(): AsyncGenerator<CellValue[]> {
        for (const person of persons) {
          const projected = projectPerson(person, fields);
          yield fields.map((f) => cell(projected[f]));
        }
      }
      return sendTabularDownload(reply, query.format, `due-list-${from}_${to}`, columns, produce());
    },
  );
}

function periodOf(query: { month?: string; from?: string; to?: string }): { from: string; to: string } {
  if (query.month) {
    const [year, month] = query.month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { from: `${query.month}-01`, to: `${query.month}-${String(last).padStart(2, '0')}` };
  }
  if (query.from && query.to && query.from <= query.to) return { from: query.from, to: query.to };
  throw new AppError('VALIDATION_FAILED', {
    message: 'give month=YYYY-MM, or from and to (YYYY-MM-DD, from not after to)',
    messageZh: '请给出月份（YYYY-MM），或起止日期（YYYY-MM-DD，起始不晚于截止）',
    details: { field: 'month' },
  });
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

async function auditDownload(ctx: AppContext, principal: Principal, request: FastifyRequest, action: string, agreements: ReadableAgreement[], details: Record<string, unknown>, targetIds?: string[]): Promise<void> {
  await recordAudit(ctx.db, {
    actor: actorOf(principal),
    action,
    targetType: targetIds ? 'person' : 'agreement',
    targetIds: targetIds ?? agreements.map((a) => a.agreement.id),
    purpose: agreements.map((a) => a.agreement.purpose).join('; '),
    ip: request.ip,
    details: { ...details, agreements: agreements.map((a) => a.agreement.id) },
  });
}
