import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Dialect } from '../../platform/db/index.js';
import { dayNumber, dayText } from './calendar-days.js';
import { dialectSql } from './dialect-sql.js';
import type { Period } from './period.js';

/**
 * Residents of an area who lived there some time in a period, grouped by everything their
 * person-time depends on: sex, birth date and the window [enter, exit) clipped to the period.
 * Most residents share the whole period as their window, so a million persons fold into tens
 * of thousands of groups (one per birth date and sex) that are split by age in code.
 */
export interface ResidentGroup {
  sex: string | null;
  birth: string;
  enter: string;
  exit: string;
  /** 0 for a floating resident (registration outside the district), else 1 (a newborn not yet registered counts as local). */
  local: number;
  /** 1 when married (20–23) now; 2 when also using a contraceptive method now. */
  married: number;
  /** 1 when the person died within the period. */
  died: number;
  /** 1 when the person lives in the area (counts in person-time); 0 when only registered or managed there. */
  resident: number;
  /** 1 when the registration (户籍) is in the area. */
  registered: number;
  /** 1 when the area manages the person (管理地). */
  managed: number;
  n: number;
}

/**
 * Per person, the dates of the records that move them: the latest registration moved in, the
 * first residence permit (a floating resident's arrival; renewals come later), the latest
 * registration moved out. Read from the records linked to each person rather than from the
 * golden record's JSON, so the scan of persons never touches that wide column.
 */
export const MOVES_JOIN = sql`left join (
    select pr.person_id as person_id,
      max(case when pr.type = 'hukou_move_in' then l.event_date end) as moved_in,
      min(case when pr.type = 'residence_permit' then l.event_date end) as permit_from,
      max(case when pr.type = 'hukou_move_out' then l.event_date end) as moved_out
    from person_records pr join ledger l on l.seq = pr.seq
    where pr.type in ('hukou_move_in', 'residence_permit', 'hukou_move_out') and pr.role = 'subject'
    group by pr.person_id
  ) m on m.person_id = p.id`;

/** The day a person came to live in the district, when known: a registration moved in, or a floating resident's first permit. */
export const ARRIVAL = sql<string | null>`(case when p.population = 'floating' then m.permit_from else m.moved_in end)`;

/** The day a resident left: the registration moved out of the district. */
export const DEPARTURE = sql<string | null>`(case when p.population = 'moved_out' then m.moved_out end)`;

/** Where a person lives for statistics: the residence, else the registration (a person who moved out keeps the old one). */
export const AREA_OF_PERSON = sql<string>`coalesce(p.residence_division, p.hukou_division)`;

/**
 * The groups of persons who lived in, were registered in or were managed by an area (a division
 * code prefix) some time in a period: one scan of persons for person-time and for the head
 * counts of the last day.
 */
export async function findResidentGroups(db: Kysely<Database>, dialect: Dialect, period: Period, area: string, district: string): Promise<ResidentGroup[]> {
  const d = dialectSql(dialect);
  const from = sql.val(period.from);
  const end = sql.val(period.end);
  const prefix = `${area}%`;
  const enter = d.greatest(from, sql.ref('p.birth_date'), sql`coalesce(${ARRIVAL}, ${from})`);
  const exit = d.least(end, sql`coalesce(p.died_on, ${end})`, sql`coalesce(${DEPARTURE}, ${end})`);
  const persons = sql`
    select case p.sex when '1' then 1 when '2' then 2 else 0 end as sex, p.birth_date as birth, ${enter} as enter, ${exit} as exit,
      case when p.hukou_division is not null and p.hukou_division not like ${`${district}%`} then 0 else 1 end as local,
      case when p.marital_status in ('20', '21', '22', '23') then (case when p.contraception_method is not null then 2 else 1 end) else 0 end as married,
      case when p.died_on >= ${from} and p.died_on < ${end} then 1 else 0 end as died,
      case when ${AREA_OF_PERSON} like ${prefix} then 1 else 0 end as resident,
      case when p.hukou_division like ${prefix} then 1 else 0 end as registered,
      case when p.managing_division like ${prefix} then 1 else 0 end as managed
    from persons p ${d.fullScan} ${MOVES_JOIN}
    where p.status = 'active' and p.merged_into is null and p.birth_date is not null
      and p.birth_date < ${end} and (p.died_on is null or p.died_on >= ${from})
      and (${AREA_OF_PERSON} like ${prefix} or p.hukou_division like ${prefix} or p.managing_division like ${prefix})`;
  // Grouping by one integer is about twice as fast as by ten columns (SQLite sorts them all):
  // birth day, sex, the window's ends as offsets from the period's start and the flags, packed
  // below 2^53 for any period parsePeriod accepts (at most 40 years).
  const span = period.days + 2;
  // julianday() is the costly part of each row: once for each of the three dates, the period's
  // start as a constant.
  const start = dayNumber(period.from) - EPOCH_DAY;
  const offset = (day: RawBuilder<unknown>) => d.greatest(sql.lit(0), d.least(sql.lit(span - 1), sql`${d.dayIndex(day)} - ${sql.lit(start)}`));
  const birthIndex = d.greatest(sql.lit(0), d.dayIndex(sql.ref('g.birth')));
  const key = sql<number>`((((cast(${birthIndex} as bigint) * 4 + g.sex) * ${sql.lit(span)} + ${offset(sql.ref('g.enter'))}) * ${sql.lit(span)} + ${offset(sql.ref('g.exit'))}) * 128
    + g.local + g.married * 2 + g.died * 8 + g.resident * 16 + g.registered * 32 + g.managed * 64)`;
  const result = await sql<{ k: number | string; n: number | string }>`select ${key} as k, count(*) as n from (${persons}) g group by 1`.execute(db);
  return result.rows.map((row) => unpackGroup(Number(row.k), Number(row.n), period, span));
}

/** Longest period (days) whose packed group keys stay below 2^53: 80,000 birth days (to 2069) × 4 sexes × span² × 128. */
export const PACKED_PERIOD_DAYS_MAX = Math.floor(Math.sqrt(Number.MAX_SAFE_INTEGER / (80_000 * 4 * 128))) - 2;

const EPOCH_DAY = dayNumber('1850-01-01');

function unpackGroup(key: number, n: number, period: Period, span: number): ResidentGroup {
  const flags = key % 128;
  let rest = Math.floor(key / 128);
  const exitOffset = rest % span;
  rest = Math.floor(rest / span);
  const enterOffset = rest % span;
  rest = Math.floor(rest / span);
  const sex = rest % 4;
  const start = dayNumber(period.from);
  return {
    sex: sex === 0 ? null : String(sex),
    birth: dayText(EPOCH_DAY + Math.floor(rest / 4)),
    enter: dayText(start + enterOffset),
    exit: dayText(start + exitOffset),
    local: flags & 1,
    married: (flags >> 1) & 3,
    died: (flags >> 3) & 1,
    resident: (flags >> 4) & 1,
    registered: (flags >> 5) & 1,
    managed: (flags >> 6) & 1,
    n,
  };
}
