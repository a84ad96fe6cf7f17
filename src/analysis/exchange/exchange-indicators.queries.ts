import { sql, type Kysely } from 'kysely';
import type { Database, Dialect } from '../../platform/db/index.js';
import { dialectSql } from '../indicators/dialect-sql.js';
import type { Period } from '../indicators/period.js';

/** The bureau's view of the exchange in a period (docs/API.md, `exchange`). */
export interface ExchangeIndicators {
  /** Rows accepted into the ledger (new, corrected, cancelled) per submitting organisation and month received; district only. */
  records_by_org_month: Array<{ org: string; month: string; records: number }> | null;
  submitted_rows: number | null;
  rejected_rows: number | null;
  /** % of submitted rows rejected. */
  rejection_rate: number | null;
  /** Rows that repeated a record already in the ledger. */
  duplicates: number | null;
  /** Median days from a record's event date to its commit, over the ledger entries of the period's submissions. */
  median_reporting_lag_days: number | null;
  /** Cross-verification cases open or in progress now, per responsible organisation (in the area). */
  open_cases_by_org: Array<{ org: string; open: number }>;
}

/**
 * Exchange indicators of the submissions received in the period. Submission counts are
 * district-wide (a submission has no area), so an area below the district gets only its open
 * cases. Reads the submissions, the ledger (by the submissions' sequence ranges) and the
 * cross-verification cases; changes nothing.
 */
export async function findExchangeIndicators(db: Kysely<Database>, dialect: Dialect, period: Period, area: string | null): Promise<ExchangeIndicators> {
  const cases = await db
    .selectFrom('cases')
    .select(['owner_org_code', (eb) => eb.fn.countAll<number>().as('open')])
    .where('status', 'in', ['open', 'in_progress'])
    .$if(area !== null, (qb) => qb.where('division_code', 'like', `${area}%`))
    .groupBy('owner_org_code')
    .orderBy('owner_org_code')
    .execute();
  const open_cases_by_org = cases.map((c) => ({ org: c.owner_org_code ?? '', open: Number(c.open) }));
  if (area !== null) {
    return { records_by_org_month: null, submitted_rows: null, rejected_rows: null, rejection_rate: null, duplicates: null, median_reporting_lag_days: null, open_cases_by_org };
  }
  // received_at is an ISO timestamp: the day after the period's last day bounds it from above.
  const submissions = await db
    .selectFrom('submissions')
    .select([
      'org_code',
      sql<string>`substr(received_at, 1, 7)`.as('month'),
      (eb) => eb.fn.sum<number>(sql`accepted + corrected + cancelled`).as('records'),
      (eb) => eb.fn.sum<number>('received').as('received'),
      (eb) => eb.fn.sum<number>('rejected').as('rejected'),
      (eb) => eb.fn.sum<number>('duplicate').as('duplicate'),
      (eb) => eb.fn.min<number>('ledger_from').as('first_seq'),
      (eb) => eb.fn.max<number>('ledger_to').as('last_seq'),
    ])
    .where('received_at', '>=', period.from)
    .where('received_at', '<', period.end)
    .groupBy(['org_code', sql`substr(received_at, 1, 7)`])
    .orderBy('org_code')
    .orderBy(sql`substr(received_at, 1, 7)`)
    .execute();
  const total = (pick: (row: (typeof submissions)[number]) => unknown) => submissions.reduce((sum, row) => sum + Number(pick(row) ?? 0), 0);
  const received = total((r) => r.received);
  const rejected = total((r) => r.rejected);
  const seqs = submissions.flatMap((r) => (r.first_seq === null || r.last_seq === null ? [] : [Number(r.first_seq), Number(r.last_seq)]));
  return {
    records_by_org_month: submissions.map((r) => ({ org: r.org_code, month: r.month, records: Number(r.records ?? 0) })),
    submitted_rows: received,
    rejected_rows: rejected,
    rejection_rate: received > 0 ? Math.round((rejected / received) * 100 * 1e6) / 1e6 : null,
    duplicates: total((r) => r.duplicate),
    median_reporting_lag_days: seqs.length > 0 ? await medianLag(db, dialect, Math.min(...seqs), Math.max(...seqs), period) : null,
    open_cases_by_org,
  };
}

/** The median of (commit day − event day) over the ledger entries in a sequence range committed in the period. */
async function medianLag(db: Kysely<Database>, dialect: Dialect, firstSeq: number, lastSeq: number, period: Period): Promise<number | null> {
  const lag = dialectSql(dialect).daysFromTo(sql.ref('event_date'), sql.ref('committed_at'));
  const rows = await sql<{ lag: number; n: number }>`
    select ${lag} as lag, count(*) as n from ledger
    where seq >= ${firstSeq} and seq <= ${lastSeq} and event_date is not null
      and committed_at >= ${period.from} and committed_at < ${period.end}
    group by 1 order by 1`.execute(db);
  const histogram = rows.rows.map((r) => ({ lag: Number(r.lag), n: Number(r.n) }));
  const count = histogram.reduce((sum, r) => sum + r.n, 0);
  if (count === 0) return null;
  // The middle entry (the mean of the two middle entries for an even count).
  const at = (rank: number) => {
    let seen = 0;
    for (const r of histogram) {
      seen += r.n;
      if (seen > rank) return r.lag;
    }
    return histogram[histogram.length - 1]!.lag;
  };
  return (at(Math.floor((count - 1) / 2)) + at(Math.floor(count / 2))) / 2;
}
