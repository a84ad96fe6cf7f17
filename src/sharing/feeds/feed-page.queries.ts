import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** Which entries a page takes: after a cursor, never past the watermark, of these types, optionally within event dates. */
export interface FeedPageRange {
  after: number;
  watermark: number;
  types: readonly string[];
  eventFrom?: string;
  eventTo?: string;
  limit: number;
  /** SQLite: join the page with an explicit ORDER BY at once (twice the cost; the fallback of the order check). */
  ordered?: boolean;
}

/** A page serialised by the database: NDJSON lines, how many, and the last sequence among them. */
export interface FeedPageText {
  /** One feed item per line, each ending with "\n", as UTF-8; empty for none. */
  ndjson: Buffer;
  count: number;
  last: number | null;
}

/**
 * Up to `limit` ledger entries of the range serialised as feed items (payload shared whole) by
 * the database itself, joined into one NDJSON text: no row objects, no per-event strings in
 * JavaScript. The line is the same object as `FeedItem`, keys in the same order. SQLite hands
 * the text over as a blob, so it reaches the socket without a round trip through a JavaScript
 * string; its aggregate joins the rows in the order the ordered subquery delivers them (an
 * ORDER BY inside group_concat sorted the page again and doubled its cost).
 */
export async function selectFeedPageText(db: Kysely<Database>, range: FeedPageRange): Promise<FeedPageText> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return pageOf((await postgresPage(range).execute(db)).rows[0]);
  if (range.ordered) return pageOf((await sqlitePage(range, true).execute(db)).rows[0]);
  const page = pageOf((await sqlitePage(range, false).execute(db)).rows[0]);
  // The joined order is SQLite's delivery order, not a documented promise: should a future
  // planner deliver otherwise, the first or last line would not hold the least or greatest
  // sequence, and the page is joined again with an explicit order.
  if (page.count === 0 || isInOrder(page)) return page;
  return pageOf((await sqlitePage(range, true).execute(db)).rows[0]);
}

type PageRow = { n: number; first: number | null; last: number | null; text: string | Uint8Array | null };

function postgresPage(range: FeedPageRange) {
  const from = range.eventFrom ?? null;
  const to = range.eventTo ?? null;
  return sql<PageRow>`
    select count(*)::int as n, min(seq) as first, max(seq) as last, string_agg(line, E'\n' order by seq) || E'\n' as text from (
      select seq, '{"seq":' || seq || ',"type":' || to_json(type)::text || ',"action":' || to_json(action)::text
        || ',"recordId":' || to_json(record_id)::text || ',"refsSeq":' || coalesce(refs_seq::text, 'null')
        || ',"orgCode":' || to_json(org_code)::text || ',"eventDate":' || coalesce(to_json(event_date)::text, 'null')
        || ',"committedAt":' || to_json(committed_at)::text || ',"fields":' || payload || '}' as line
      from ledger
      where seq > ${range.after} and seq <= ${range.watermark} and type = any(${[...range.types]}::text[])
        and (${from}::text is null or event_date >= ${from}::text) and (${to}::text is null or event_date <= ${to}::text)
      order by seq limit ${range.limit}) page`;
}

function sqlitePage(range: FeedPageRange, ordered: boolean) {
  const from = range.eventFrom ?? null;
  const to = range.eventTo ?? null;
  return sql<PageRow>`
    select count(*) as n, min(seq) as first, max(seq) as last, cast(group_concat(line, char(10)${sql.raw(ordered ? ' order by seq' : '')}) || char(10) as blob) as text from (
      select seq, '{"seq":' || seq || ',"type":' || json_quote(type) || ',"action":' || json_quote(action)
        || ',"recordId":' || json_quote(record_id) || ',"refsSeq":' || coalesce(refs_seq, 'null')
        || ',"orgCode":' || json_quote(org_code) || ',"eventDate":' || json_quote(event_date)
        || ',"committedAt":' || json_quote(committed_at) || ',"fields":' || payload || '}' as line
      from ledger
      where seq > ${range.after} and seq <= ${range.watermark} and type in (select value from json_each(${JSON.stringify(range.types)}))
        and (${from} is null or event_date >= ${from}) and (${to} is null or event_date <= ${to})
      order by seq limit ${range.limit})`;
}

function pageOf(row: PageRow | undefined): FeedPageText & { first: number | null } {
  const count = Number(row?.n ?? 0);
  if (!row || count === 0 || row.text === null) return { ndjson: Buffer.alloc(0), count: 0, first: null, last: null };
  const ndjson = typeof row.text === 'string' ? Buffer.from(row.text, 'utf8') : Buffer.from(row.text.buffer, row.text.byteOffset, row.text.byteLength);
  return { ndjson, count, first: Number(row.first), last: Number(row.last) };
}

/** True when the page's first line holds its least sequence and its last line its greatest. */
export function isInOrder(page: { ndjson: Buffer; first: number | null; last: number | null }): boolean {
  const lastLine = page.ndjson.lastIndexOf(10, page.ndjson.length - 2) + 1;
  const startsWith = (at: number, seq: number | null) => {
    const prefix = `{"seq":${seq},`;
    return page.ndjson.toString('utf8', at, at + prefix.length) === prefix;
  };
  return startsWith(0, page.first) && startsWith(lastLine, page.last);
}
