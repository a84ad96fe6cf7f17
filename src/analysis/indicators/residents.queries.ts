import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Dialect } from '../../platform/db/index.js';
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
  n: number;
}

/** The day a person came to live in the district, when known: a registration moved in, or a floating resident's permit. */
export function arrivalExpr(dialect: Dialect): RawBuilder<string | null> {
  const d = dialectSql(dialect);
  const golden = sql.ref('p.golden');
  return sql<string | null>`case
    when p.golden like '%"hukou_move_in"%' and ${d.jsonText(golden, 'hukou_division', 'type')} = 'hukou_move_in' then ${d.jsonText(golden, 'hukou_division', 'on')}
    when p.population = 'floating' and p.golden like '%"residence_permit_from"%' then ${d.jsonText(golden, 'residence_permit_from', 'v')}
  end`;
}

/** The day a resident left: the registration moved out of the district. */
export function departureExpr(dialect: Dialect): RawBuilder<string | null> {
  const d = dialectSql(dialect);
  return sql<string | null>`case when p.population = 'moved_out' then ${d.jsonText(sql.ref('p.golden'), 'hukou_out_on', 'v')} end`;
}

/** Where a person lives for statistics: the residence, else the registration (a person who moved out keeps the old one). */
export const AREA_OF_PERSON = sql<string>`coalesce(p.residence_division, p.hukou_division)`;

/** The resident groups of an area (a division code prefix) in a period. */
export async function findResidentGroups(db: Kysely<Database>, dialect: Dialect, period: Period, area: string, district: string): Promise<ResidentGroup[]> {
  const d = dialectSql(dialect);
  const from = sql.val(period.from);
  const end = sql.val(period.end);
  const enter = d.greatest(from, sql.ref('p.birth_date'), sql`coalesce(${arrivalExpr(dialect)}, ${from})`);
  const exit = d.least(end, sql`coalesce(p.died_on, ${end})`, sql`coalesce(${departureExpr(dialect)}, ${end})`);
  const result = await sql<ResidentGroup>`
    select p.sex as sex, p.birth_date as birth, ${enter} as enter, ${exit} as exit,
      case when p.hukou_division is not null and p.hukou_division not like ${`${district}%`} then 0 else 1 end as local,
      case when p.marital_status in ('20', '21', '22', '23') then (case when p.contraception_method is not null then 2 else 1 end) else 0 end as married,
      case when p.died_on >= ${from} and p.died_on < ${end} then 1 else 0 end as died,
      count(*) as n
    from persons p
    where p.status = 'active' and p.merged_into is null and p.birth_date is not null
      and p.birth_date < ${end} and (p.died_on is null or p.died_on >= ${from})
      and ${AREA_OF_PERSON} like ${`${area}%`}
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  return result.rows.map((r) => ({ ...r, local: Number(r.local), married: Number(r.married), died: Number(r.died), n: Number(r.n) }));
}

export interface RegisteredCounts {
  registered: number;
  managed: number;
}

/** Persons registered (户籍) in the area and persons it manages (管理地), alive and present on the period's last day. */
export async function countRegisteredAndManaged(db: Kysely<Database>, dialect: Dialect, period: Period, area: string): Promise<RegisteredCounts> {
  const end = sql.val(period.end);
  const prefix = `${area}%`;
  const present = sql`p.status = 'active' and p.merged_into is null and p.birth_date < ${end} and (p.died_on is null or p.died_on >= ${end})
    and coalesce(${arrivalExpr(dialect)}, p.birth_date) < ${end} and coalesce(${departureExpr(dialect)}, ${end}) >= ${end}`;
  const result = await sql<{ registered: number | null; managed: number | null }>`
    select
      sum(case when p.hukou_division like ${prefix} then 1 else 0 end) as registered,
      sum(case when p.managing_division like ${prefix} then 1 else 0 end) as managed
    from persons p
    where ${present} and (p.hukou_division like ${prefix} or p.managing_division like ${prefix})`.execute(db);
  const row = result.rows[0];
  return { registered: Number(row?.registered ?? 0), managed: Number(row?.managed ?? 0) };
}
