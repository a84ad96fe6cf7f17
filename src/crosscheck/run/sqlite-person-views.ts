import type SqliteDatabase from 'better-sqlite3';
import type { CaseTable } from '../../platform/db/index.js';
import type { ChildView, PersonRecordView, PersonView } from '../rules/crosscheck-rule.js';
import { LedgerRecordView, RegistryPersonView } from './person-views.queries.js';

type Value = string | number | null;

/**
 * A full run's person views on SQLite: the same persons, records, mothers and children as
 * `activePersonsAfter` + `loadPersonViews`, read by prepared statements as rows of values (no
 * row objects, no query compiling per batch), an organisation's type from a map read once
 * instead of a join, and a person's golden record read only when a rule asks for it (most
 * persons pass every rule on their columns and records). A batch and the rules' reads of its
 * golden records happen in one read transaction, so they see one state of the registry.
 */
export class SqlitePersonViews {
  readonly #sqlite: SqliteDatabase.Database;
  readonly #persons: SqliteDatabase.Statement;
  readonly #personsBetween: SqliteDatabase.Statement;
  readonly #ids: SqliteDatabase.Statement;
  readonly #cases: SqliteDatabase.Statement;
  readonly #golden: SqliteDatabase.Statement;
  readonly #records: SqliteDatabase.Statement;
  readonly #mothers: SqliteDatabase.Statement;
  readonly #children: SqliteDatabase.Statement;
  readonly #orgTypes: Map<string, string>;

  constructor(sqlite: SqliteDatabase.Database) {
    this.#sqlite = sqlite;
    this.#persons = sqlite
      .prepare(`select id, population, managing_division, died_on, expected_delivery_on, sex, birth_date, marital_status, flags
        from persons where status = 'active' and id > ? order by id limit ?`)
      .raw(true);
    this.#personsBetween = sqlite
      .prepare(`select id, population, managing_division, died_on, expected_delivery_on, sex, birth_date, marital_status, flags
        from persons where status = 'active' and id > ? and id <= ? order by id`)
      .raw(true);
    // The id index alone (merged and retracted persons too): reading each person's status would read the table.
    this.#ids = sqlite.prepare('select id from persons order by id').pluck(true);
    this.#cases = sqlite.prepare('select * from cases where person_id >= ? and person_id <= ? order by opened_at, id');
    this.#golden = sqlite.prepare('select golden from persons where id = ?').pluck(true);
    this.#records = sqlite
      .prepare(`select pr.person_id, pr.seq, pr.role, l.org_code, l.type, l.record_id, l.event_date, l.payload
        from person_records pr join ledger l on l.seq = pr.seq where pr.person_id >= ? and pr.person_id <= ?`)
      .raw(true);
    this.#mothers = sqlite
      .prepare(`select r.person_id, m.population, m.managing_division from person_relations r join persons m on m.id = r.other_id
        where r.kind = 'mother' and m.status = 'active' and r.person_id >= ? and r.person_id <= ?`)
      .raw(true);
    this.#children = sqlite
      .prepare(`select r.other_id, c.id, c.birth_date, c.sex from person_relations r join persons c on c.id = r.person_id
        where r.kind in ('mother', 'father') and c.status = 'active' and r.other_id >= ? and r.other_id <= ? order by c.birth_date, c.id`)
      .raw(true);
    this.#orgTypes = new Map((sqlite.prepare('select code, type from orgs').raw(true).all() as [string, string][]).map(([code, type]) => [code, type]));
  }

  /**
   * The next `limit` active persons after `afterId` in id order, as views, handed to `use` inside
   * one read transaction (where a rule's first read of a golden record happens); what `use`
   * returns, with the last person's id (null when there are no more persons).
   */
  batchAfter<T>(afterId: number, limit: number, use: (views: PersonView[]) => T): { lastId: number | null; count: number; result: T | null } {
    return this.#sqlite.transaction(() => {
      const views = this.#viewsAfter(afterId, limit);
      if (views.length === 0) return { lastId: null, count: 0, result: null };
      return { lastId: views.at(-1)!.id, count: views.length, result: use(views) };
    })();
  }

  /** The persons after `afterId` up to `lastId` as {@link batchAfter} reads them: a batch whose bounds were read before (by {@link activeIds}). */
  batchBetween<T>(afterId: number, lastId: number, use: (views: PersonView[]) => T): { count: number; result: T } {
    return this.#sqlite.transaction(() => {
      const views = this.#views(this.#personsBetween.all(afterId, lastId) as Value[][]);
      return { count: views.length, result: use(views) };
    })();
  }

  /**
   * Where a run's batches begin and end, by the registry's person ids (active or not, ascending):
   * each batch is the active persons after `afterId` up to `lastId`, at most `size` of them.
   */
  batchBounds(size: number): Array<{ afterId: number; lastId: number }> {
    const ids = this.#ids.all() as number[];
    const bounds = [];
    for (let i = 0; i < ids.length; i += size) bounds.push({ afterId: i === 0 ? 0 : Number(ids[i - 1]), lastId: Number(ids[Math.min(i + size, ids.length) - 1]) });
    return bounds;
  }

  /** The cases of the persons with the given ids (ascending), oldest first, as `casesOfPersons` reads them: by the ids' range, kept to the ids. */
  casesOf(ids: ArrayLike<number>): CaseTable[] {
    if (ids.length === 0) return [];
    const wanted = new Set(Array.from(ids));
    return (this.#cases.all(ids[0], ids[ids.length - 1]) as CaseTable[]).filter((row) => wanted.has(Number(row.person_id)));
  }

  #viewsAfter(afterId: number, limit: number): PersonView[] {
    return this.#views(this.#persons.all(afterId, limit) as Value[][]);
  }

  #views(persons: Value[][]): PersonView[] {
    if (persons.length === 0) return [];
    const from = Number(persons[0]![0]);
    const to = Number(persons.at(-1)![0]);
    const wanted = new Set(persons.map((p) => Number(p[0])));
    const byPerson = new Map<number, PersonRecordView[]>();
    for (const r of this.#records.all(from, to) as Value[][]) {
      const personId = Number(r[0]);
      if (!wanted.has(personId)) continue;
      const orgCode = r[3] as string;
      const record = new LedgerRecordView(Number(r[1]), r[2] as string, orgCode, this.#orgTypes.get(orgCode) ?? '', r[4] as string, r[5] as string, r[6] as string | null, r[7] as string);
      const list = byPerson.get(personId);
      if (list) list.push(record);
      else byPerson.set(personId, [record]);
    }
    for (const list of byPerson.values()) if (list.length > 1) list.sort((a, b) => a.seq - b.seq || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
    const motherOf = new Map<number, Value[]>();
    for (const m of this.#mothers.all(from, to) as Value[][]) if (wanted.has(Number(m[0]))) motherOf.set(Number(m[0]), m);
    const childrenOf = new Map<number, ChildView[]>();
    for (const c of this.#children.all(from, to) as Value[][]) {
      const parent = Number(c[0]);
      if (!wanted.has(parent)) continue;
      const child = { id: Number(c[1]), birthDate: c[2] as string | null, sex: c[3] as string | null };
      const list = childrenOf.get(parent);
      if (!list) childrenOf.set(parent, [child]);
      else if (!list.some((known) => known.id === child.id)) list.push(child);
    }
    return persons.map((p) => {
      const id = Number(p[0]);
      const row = {
        id,
        population: p[1] as string,
        managing_division: p[2] as string | null,
        died_on: p[3] as string | null,
        expected_delivery_on: p[4] as string | null,
        sex: p[5] as string | null,
        birth_date: p[6] as string | null,
        marital_status: p[7] as string | null,
        flags: p[8] as string,
      };
      const mother = motherOf.get(id);
      return new RegistryPersonView(row, () => this.#golden.get(id) as string, (mother?.[1] as string | undefined) ?? null, (mother?.[2] as string | null | undefined) ?? null, byPerson.get(id) ?? [], childrenOf.get(id) ?? []);
    });
  }
}
