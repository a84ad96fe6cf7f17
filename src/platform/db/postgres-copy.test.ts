import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { openDatabase, type Db } from './database.js';
import { copyChunks, CopyEncoder, copyLine, copyRowsInto } from './postgres-copy.js';

describe('copyLine', () => {
  it('escapes backslash, tab, CR and LF and writes NULL as \\N', () => {
    expect(copyLine(['a\\b', 'c\td', 'e\r\nf', null, 7])).toBe('a\\\\b\tc\\td\te\\r\\nf\t\\N\t7\n');
  });
});

describe('copyChunks', () => {
  it('gives the bytes of the rows written with copyLine, whatever their length and script', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc
        .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.integer({ min: 5_000, max: 40_000 }))
        .map(([text, times]) => text.repeat(times)),
    );
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { maxLength: 40 }), (rows) => {
        const bytes = Buffer.concat([...copyChunks(rows)]);
        expect(bytes.toString('utf8')).toBe(rows.map(copyLine).join(''));
      }),
      { numRuns: 60 },
    );
  });
});

describe('CopyEncoder', () => {
  it('gives back the lines added, as UTF-8, in order, across takes and chunk boundaries', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.integer({ min: 10_000, max: 60_000 })).map(([text, times]) => text.repeat(times)),
    );
    fc.assert(
      fc.property(fc.array(fc.array(line, { maxLength: 30 }), { maxLength: 4 }), (takes) => {
        const encoder = new CopyEncoder();
        const taken = takes.map((lines) => {
          for (const text of lines) encoder.addLine(text);
          return Buffer.concat(encoder.take()).toString('utf8');
        });
        expect(taken).toEqual(takes.map((lines) => lines.join('')));
      }),
      { numRuns: 60 },
    );
  });

  it('gives back lines whose end was added as bytes as if added whole', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.integer({ min: 10_000, max: 60_000 })).map(([text, times]) => text.repeat(times)),
    );
    const parted = fc.tuple(line, fc.nat()).map(([text, cut]) => {
      const points = Array.from(text);
      const at = cut % (points.length + 1);
      return { head: points.slice(0, at).join(''), tail: Buffer.from(points.slice(at).join('')) };
    });
    fc.assert(
      fc.property(fc.array(fc.array(parted, { maxLength: 30 }), { maxLength: 4 }), (takes) => {
        const encoder = new CopyEncoder();
        const taken = takes.map((lines) => {
          for (const { head, tail } of lines) encoder.addLine(head, tail);
          return Buffer.concat(encoder.take()).toString('utf8');
        });
        expect(taken).toEqual(takes.map((lines) => lines.map(({ head, tail }) => head + tail.toString('utf8')).join('')));
      }),
      { numRuns: 60 },
    );
  });
});

describe('copyRowsInto on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    db = await openDatabase(database.url, { pgSchema: database.pgSchema });
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('loads any text exactly, inside the Kysely transaction it is given, and rolls back with it', async () => {
    await sql`create table copy_probe (n integer, t text)`.execute(db.kysely);
    const texts = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), 300).map((t) => t.replace(/\u0000/g, ''));
    const rows = [...texts.map((t, i) => [i, t] as const), [texts.length, null] as const];
    await db.kysely.transaction().execute(async (trx) => {
      await copyRowsInto(await db.postgresClientOf!(trx), 'copy_probe', ['n', 't'], rows);
      const { rows: back } = await sql<{ n: number; t: string | null }>`select n, t from copy_probe order by n`.execute(
        trx,
      );
      expect(back.map((r) => r.t)).toEqual(rows.map((r) => r[1]));
    });
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await copyRowsInto(await db.postgresClientOf!(trx), 'copy_probe', ['n', 't'], [[999, 'rolled back']]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows: count } = await sql<{ c: number }>`select count(*)::int as c from copy_probe`.execute(db.kysely);
    expect(count[0]!.c).toBe(rows.length);
  });
});
