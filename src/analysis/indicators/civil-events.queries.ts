import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import type { Period } from './period.js';
import { AREA_OF_PERSON } from './residents.queries.js';

/** Counts of the registry's civil and family events in an area and period. */
export interface CivilEventCounts {
  marriages: number;
  /** Marriages where either spouse was widowed or divorced before (再婚). */
  remarriages: number;
  divorces: number;
  movesIn: number;
  movesOut: number;
  terminations: number;
}

/** The record type, and the role whose person places the event in an area. */
const EVENT_ROLES: ReadonlyArray<[string, string]> = [
  ['marriage', 'wife'],
  ['divorce', 'wife'],
  ['hukou_move_in', 'subject'],
  ['hukou_move_out', 'subject'],
  ['pregnancy_termination', 'subject'],
];

const PREVIOUSLY_MARRIED = new Set(['30', '40']);

/**
 * Marriages, divorces, registrations moved in and out, and pregnancy terminations whose event
 * date lies in the period, placed by the person they concern (the wife for a couple). Only the
 * current version of each record counts (corrections and cancellations unlink the old one); the
 * same event about one person on one day reported by two sources counts once.
 */
export async function countCivilEvents(db: Kysely<Database>, period: Period, area: string): Promise<CivilEventCounts> {
  const roles = sql.join(EVENT_ROLES.map(([type, role]) => sql`(pr.type = ${type} and pr.role = ${role})`), sql` or `);
  const result = await sql<{ type: string; person_id: number; event_date: string; payload: string | null }>`
    select pr.type as type, pr.person_id as person_id, l.event_date as event_date,
      case when pr.type = 'marriage' then l.payload end as payload
    from person_records pr
    join ledger l on l.seq = pr.seq
    join persons p on p.id = pr.person_id
    where (${roles}) and l.event_date >= ${period.from} and l.event_date <= ${period.to}
      and ${AREA_OF_PERSON} like ${`${area}%`}`.execute(db);
  const seen = new Set<string>();
  const counts: CivilEventCounts = { marriages: 0, remarriages: 0, divorces: 0, movesIn: 0, movesOut: 0, terminations: 0 };
  for (const row of result.rows) {
    const key = `${row.type}|${row.person_id}|${row.event_date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    switch (row.type) {
      case 'marriage': {
        counts.marriages += 1;
        const payload = JSON.parse(row.payload ?? '{}') as Record<string, unknown>;
        if (PREVIOUSLY_MARRIED.has(String(payload.husband_prior_marital_status)) || PREVIOUSLY_MARRIED.has(String(payload.wife_prior_marital_status))) counts.remarriages += 1;
        break;
      }
      case 'divorce':
        counts.divorces += 1;
        break;
      case 'hukou_move_in':
        counts.movesIn += 1;
        break;
      case 'hukou_move_out':
        counts.movesOut += 1;
        break;
      default:
        counts.terminations += 1;
    }
  }
  return counts;
}
