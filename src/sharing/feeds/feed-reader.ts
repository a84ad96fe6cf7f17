import type { Kysely } from 'kysely';
import { EXCHANGE_CHAIN } from '../../exchange/ledger/ledger-hash.js';
import type { Database } from '../../platform/db/schema.js';
import { divisionsOfRecords, registryWatermark } from '../../registry/index.js';
import type { ReadableAgreement } from '../agreements/agreements.service.js';
import { projectPayload, typeProjections, type TypeProjection } from './event-projection.js';
import { selectFeedPageText } from './feed-page.queries.js';

const NO_ITEMS = Buffer.alloc(0);

/** Most entries one page may hold. */
export const FEED_PAGE_MAX = 10_000;
/** Most ledger entries one request scans for an area-limited agreement before answering with what it found. */
const SCAN_MAX = 50_000;
const SCAN_BATCH = 5_000;

/** One event as a feed delivers it: the ledger entry's facts and the shared fields of its payload. */
export interface FeedItem {
  seq: number;
  type: string;
  action: string;
  recordId: string;
  /** For a correction or cancellation: the sequence of the entry it changes. */
  refsSeq: number | null;
  orgCode: string;
  eventDate: string | null;
  committedAt: string;
  fields: Record<string, unknown>;
}

export interface FeedPage {
  /** The items as UTF-8 NDJSON, in sequence order: one JSON object per line, each ending with "\n" (empty for none). */
  ndjson: Buffer;
  /** How many items `text` holds. */
  count: number;
  /** The cursor to pass as `after` next: the last entry looked at, returned or not. */
  next: number;
  /** The last sequence available to this agreement now; `next === watermark` means caught up. */
  watermark: number;
}

/** Narrows a feed for a download: one event type, event dates within a period. */
export interface FeedFilter {
  type?: string;
  eventFrom?: string;
  eventTo?: string;
}

/** A prepared reader of one agreement's feed. */
export class FeedReader {
  private readonly projections: Map<string, TypeProjection>;
  private readonly types: string[];
  /** District-wide and every type's payload shared whole: the database serialises the page itself. */
  private readonly isPassThrough: boolean;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly readable: ReadableAgreement,
    private readonly filter: FeedFilter = {},
  ) {
    this.projections = typeProjections(readable.agreement);
    this.types = [...this.projections.keys()].filter((type) => !filter.type || type === filter.type);
    this.isPassThrough = readable.area === null && this.types.every((type) => this.projections.get(type)!.keys === null);
  }

  /**
   * The highest sequence a reader may see: the ledger head for a district-wide agreement, and
   * the registry's projection cursor for an area-limited one (the area comes from the persons
   * an entry is linked to, so an entry is shown only once it has been linked). Entries get their
   * sequence under the ledger's chain-head lock and commit in that order, so nothing at or below
   * the watermark can still appear later.
   */
  async watermark(): Promise<number> {
    const head = await this.db.selectFrom('chain_heads').select('seq').where('name', '=', EXCHANGE_CHAIN).executeTakeFirst();
    const ledgerHead = head ? Number(head.seq) : 0;
    if (this.readable.area === null) return ledgerHead;
    return Math.min(ledgerHead, await registryWatermark(this.db));
  }

  /** The next page after `after`: up to `limit` items, never past the watermark. */
  async page(after: number, limit: number): Promise<FeedPage> {
    const watermark = await this.watermark();
    if (this.types.length === 0) return { ndjson: NO_ITEMS, count: 0, next: Math.max(after, watermark), watermark };
    if (after >= watermark) return { ndjson: NO_ITEMS, count: 0, next: after, watermark };
    if (this.isPassThrough) {
      const { ndjson, count, last } = await selectFeedPageText(this.db, { after, watermark, types: this.types, eventFrom: this.filter.eventFrom, eventTo: this.filter.eventTo, limit });
      // A short page has looked at everything up to the watermark.
      return { ndjson, count, next: count < limit || last === null ? watermark : last, watermark };
    }
    return this.projectedPage(after, limit, watermark);
  }

  /** A page cut to the agreement's fields and area, item by item. */
  private async projectedPage(after: number, limit: number, watermark: number): Promise<FeedPage> {
    const items: string[] = [];
    let cursor = after;
    let scanned = 0;
    while (cursor < watermark && items.length < limit && scanned < SCAN_MAX) {
      const batch = Math.min(this.readable.area === null ? limit - items.length : SCAN_BATCH, SCAN_BATCH * 2);
      let query = this.db
        .selectFrom('ledger')
        .select(['seq', 'type', 'action', 'record_id', 'refs_seq', 'org_code', 'event_date', 'committed_at', 'payload'])
        .where('seq', '>', cursor)
        .where('seq', '<=', watermark)
        .where('type', 'in', this.types);
      if (this.filter.eventFrom) query = query.where('event_date', '>=', this.filter.eventFrom);
      if (this.filter.eventTo) query = query.where('event_date', '<=', this.filter.eventTo);
      const rows = await query.orderBy('seq').limit(batch).execute();
      if (rows.length === 0) {
        cursor = watermark;
        break;
      }
      const inArea = this.readable.area === null ? null : await this.entriesInArea(rows);
      for (const row of rows) {
        const seq = Number(row.seq);
        scanned += 1;
        cursor = seq;
        if (inArea && !inArea.has(seq)) continue;
        items.push(this.serialise(row));
        if (items.length >= limit) break;
      }
    }
    return { ndjson: items.length === 0 ? NO_ITEMS : Buffer.from(items.join('\n') + '\n', 'utf8'), count: items.length, next: cursor, watermark };
  }

  private serialise(row: { seq: number; type: string; action: string; record_id: string; refs_seq: number | null; org_code: string; event_date: string | null; committed_at: string; payload: string }): string {
    const projection = this.projections.get(row.type)!;
    const fields = projection.keys === null ? row.payload : JSON.stringify(projectPayload(JSON.parse(row.payload) as Record<string, unknown>, projection.keys));
    return (
      `{"seq":${Number(row.seq)},"type":${JSON.stringify(row.type)},"action":${JSON.stringify(row.action)},"recordId":${JSON.stringify(row.record_id)},` +
      `"refsSeq":${row.refs_seq === null ? 'null' : Number(row.refs_seq)},"orgCode":${JSON.stringify(row.org_code)},"eventDate":${row.event_date === null ? 'null' : JSON.stringify(row.event_date)},` +
      `"committedAt":${JSON.stringify(row.committed_at)},"fields":${fields}}`
    );
  }

  /**
   * The entries among `rows` that concern the agreement's area: a division in the payload, or a
   * person the entry is linked to who lives, is registered or is managed there. A correction or
   * cancellation also counts when the entry it changes did, so a reader learns of the change.
   */
  private async entriesInArea(rows: { seq: number; type: string; refs_seq: number | null; payload: string }[]): Promise<Set<number>> {
    const area = this.readable.area!;
    const refs = rows.filter((r) => r.refs_seq !== null).map((r) => Number(r.refs_seq));
    const referenced = refs.length > 0 ? await this.db.selectFrom('ledger').select(['seq', 'type', 'refs_seq', 'payload']).where('seq', 'in', refs).execute() : [];
    const all = [...rows, ...referenced];
    const linked = await divisionsOfRecords(this.db, all.map((r) => Number(r.seq)));
    const hit = new Set<number>();
    for (const row of all) {
      const seq = Number(row.seq);
      const persons = linked.get(seq);
      if (persons?.some((code) => area.has(code))) {
        hit.add(seq);
        continue;
      }
      const keys = this.projections.get(row.type)?.divisionKeys ?? [];
      if (keys.length === 0) continue;
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      if (keys.some((key) => typeof payload[key] === 'string' && area.has(payload[key]))) hit.add(seq);
    }
    for (const row of rows) if (row.refs_seq !== null && hit.has(Number(row.refs_seq))) hit.add(Number(row.seq));
    return hit;
  }
}

/** A page's items, one serialised JSON object each. */
export function feedLines(page: FeedPage): string[] {
  return page.count === 0 ? [] : page.ndjson.toString('utf8', 0, page.ndjson.length - 1).split('\n');
}

/** Parses one serialised item back (for tests and the CLI). */
export function parseFeedItem(text: string): FeedItem {
  return JSON.parse(text) as FeedItem;
}
