import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventType } from '../exchange/catalog/index.js';
import { parseIdNumber } from '../platform/identity/index.js';
import { compareNames } from '../registry/linkage/comparison-levels.js';
import { prepareRecord } from '../registry/linkage/prepare-record.js';
import { generateDistrict, type GenerateSummary } from './generate-district.js';
import type { ManifestEntry } from './output.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-gen-'));
const dirA = path.join(tmp, 'a');
const dirB = path.join(tmp, 'b');
const OPTIONS = { persons: 12000, seed: 'test-seed', months: 18, start: '2024-07' };

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function readCsv(file: string): string[][] {
  const bytes = fs.readFileSync(file);
  const gbk = !bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) && !isUtf8(bytes);
  const text = new TextDecoder(gbk ? 'gb18030' : 'utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('popx gen', () => {
  let summary: GenerateSummary;
  let manifest: ManifestEntry[];
  beforeAll(async () => {
    summary = await generateDistrict({ ...OPTIONS, out: dirA });
    await generateDistrict({ ...OPTIONS, out: dirB });
    manifest = (JSON.parse(fs.readFileSync(path.join(dirA, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] }).files;
  }, 120_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes byte-identical files for the same seed and arguments', () => {
    const a = hashTree(dirA);
    const b = hashTree(dirB);
    expect(a.size).toBeGreaterThan(100);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });

  it('writes different files for another seed', async () => {
    const dirC = path.join(tmp, 'c');
    await generateDistrict({ ...OPTIONS, persons: 500, months: 2, seed: 'other', out: dirC });
    const small = path.join(tmp, 'd');
    await generateDistrict({ ...OPTIONS, persons: 500, months: 2, out: small });
    expect(hashTree(dirC).get('truth/persons.csv')).not.toBe(hashTree(small).get('truth/persons.csv'));
  });

  it('lists every file in the manifest with its type, organisation and month, in every format', () => {
    const onDisk = [...hashTree(dirA).keys()].filter((f) => !f.startsWith('truth/') && f !== 'manifest.json').sort();
    expect(manifest.map((e) => e.file).sort()).toEqual(onDisk);
    for (const entry of manifest) {
      expect(getEventType(entry.type), entry.type).toBeDefined();
      expect(entry.month).toMatch(/^\d{4}-\d{2}$/);
      expect(entry.org).toMatch(/^[A-Z0-9-]+$/);
    }
    expect(new Set(manifest.map((e) => e.format))).toEqual(new Set(['csv_gbk', 'csv_utf8', 'csv_utf8_bom', 'ndjson', 'xlsx']));
    expect(manifest.filter((e) => e.kind === 'baseline').map((e) => e.type)).toEqual(expect.arrayContaining(['hukou_register', 'residence_permit', 'woman_profile']));
    const late = manifest.filter((e) => e.kind === 'monthly' && e.submitted_on > `${e.month}-31` && e.submitted_on.slice(0, 7) > nextMonth(e.month));
    expect(late.length).toBeGreaterThan(0);
  });

  it('writes files whose headers are the catalog labels (or keys) and whose row counts match the manifest', async () => {
    for (const entry of manifest.filter((e) => e.format !== 'xlsx').slice(0, 200)) {
      const full = path.join(dirA, entry.file);
      const fields = getEventType(entry.type)!.fields;
      if (entry.format === 'ndjson') {
        const lines = fs.readFileSync(full, 'utf8').trim().split('\n');
        expect(lines).toHaveLength(entry.rows);
        for (const key of Object.keys(JSON.parse(lines[0]!))) expect(fields.map((f) => f.key)).toContain(key);
      } else {
        const rows = readCsv(full);
        expect(rows[0]).toEqual(fields.map((f) => (entry.format === 'csv_utf8' ? f.key : f.labelZh)));
        expect(rows.length - 1).toBe(entry.rows);
      }
    }
    const xlsx = manifest.find((e) => e.format === 'xlsx' && e.type === 'woman_profile')!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dirA, xlsx.file));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('公民身份号码');
    expect(sheet.rowCount - 1).toBe(xlsx.rows);
    expect(typeof sheet.getRow(2).getCell(3).value).toBe('string');
  });

  it('gives every person a valid, unique ID number that agrees with birth date and sex', () => {
    const rows = readCsv(path.join(dirA, 'truth', 'persons.csv')).slice(1).filter((r) => r.length > 1);
    const seen = new Set<string>();
    for (const [id, , sex, birth] of rows) {
      const parsed = parseIdNumber(id!, { today: '2030-01-01' });
      expect(parsed.ok, id).toBe(true);
      if (parsed.ok) {
        expect(parsed.birthDate).toBe(birth);
        expect(parsed.sex).toBe(sex);
      }
      expect(seen.has(id!)).toBe(false);
      seen.add(id!);
    }
    expect(rows.length).toBe(summary.persons);
  });

  it('has a census-shaped population with a floating share between 10 and 30 per cent', () => {
    const rows = readCsv(path.join(dirA, 'truth', 'persons.csv')).slice(1).filter((r) => r.length > 1 && r[8] === '0' && r[5] === '');
    const floating = rows.filter((r) => r[7] === '1').length / rows.length;
    expect(floating).toBeGreaterThan(0.1);
    expect(floating).toBeLessThan(0.3);
    const age = (birth: string) => 2024 - Number(birth.slice(0, 4));
    const share = (lo: number, hi: number) => rows.filter((r) => age(r[3]!) >= lo && age(r[3]!) < hi).length / rows.length;
    // Guangdong 2020: 0–14 18.8 %, 15–59 68.8 %, 60+ 12.4 % (the floating pool is younger).
    expect(share(0, 15)).toBeGreaterThan(0.12);
    expect(share(0, 15)).toBeLessThan(0.24);
    expect(share(60, 200)).toBeGreaterThan(0.07);
    expect(share(60, 200)).toBeLessThan(0.17);
    const men = rows.filter((r) => r[2] === '1').length;
    expect(men / (rows.length - men)).toBeGreaterThan(0.98);
  });

  it('records every injected error, and the error is really in the submitted file', () => {
    const errors = readCsv(path.join(dirA, 'truth', 'errors.csv')).slice(1).filter((r) => r.length > 1);
    expect(new Set(errors.map((e) => e[4]))).toEqual(
      new Set(['name_homophone', 'name_similar_char', 'id_check_digit', 'id_transposition', 'id_missing', 'date_day_month_swap', 'name_traditional']),
    );
    const byFile = new Map<string, string[][]>();
    for (const [file, row, , field, kind, truth, submitted] of errors.slice(0, 300)) {
      const entry = manifest.find((e) => e.file === file)!;
      if (entry.format === 'xlsx') continue;
      let rows = byFile.get(file!);
      if (!rows) {
        rows = entry.format === 'ndjson'
          ? fs.readFileSync(path.join(dirA, file!), 'utf8').trim().split('\n').map((l) => [l])
          : readCsv(path.join(dirA, file!)).slice(1);
        byFile.set(file!, rows);
      }
      const line = rows[Number(row) - 1]!;
      if (entry.format === 'ndjson') {
        expect(JSON.parse(line[0]!)[field!] ?? '').toBe(submitted);
      } else {
        const index = getEventType(entry.type)!.fields.findIndex((f) => f.key === field);
        expect(line[index], `${file} row ${row} ${field} ${kind}`).toBe(submitted);
      }
      expect(submitted).not.toBe(truth);
    }
  });

  it('injects each kind of contradiction between departments', () => {
    const kinds = new Set(readCsv(path.join(dirA, 'truth', 'contradictions.csv')).slice(1).map((r) => r[0]));
    for (const kind of ['birth_never_registered', 'pregnancy_without_outcome', 'marriage_unknown_to_town', 'moved_out_still_reported']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('keeps reporting insurance in force after a death when told to, and records it as a contradiction', async () => {
    const dir = path.join(tmp, 'insured');
    await generateDistrict({ persons: 30000, seed: 'insured', months: 12, start: '2024-01', out: dir, contradictionRates: { death_while_insured: 1 } });
    const contradictions = readCsv(path.join(dir, 'truth', 'contradictions.csv')).slice(1).filter((r) => r[0] === 'death_while_insured');
    expect(contradictions.length).toBeGreaterThan(0);
    const records = readCsv(path.join(dir, 'truth', 'records.csv')).slice(1);
    for (const [, person, died] of contradictions) {
      const later = records.filter((r) => r[5] === 'LABOR-SI' && r[8]!.startsWith(person!) && r[7]! > died!);
      expect(later.length, person).toBeGreaterThan(0);
    }
  }, 60_000);

  it("submits what a month's own events schedule within it: the profile after a marriage, a permit renewed just before the old one ends", () => {
    const persons = new Map(readCsv(path.join(dirA, 'truth', 'persons.csv')).slice(1).filter((r) => r.length > 1).map((r) => [r[0]!, r]));
    const records = readCsv(path.join(dirA, 'truth', 'records.csv')).slice(1).filter((r) => r.length > 1);
    const events = fs.readFileSync(path.join(dirA, 'truth', 'events.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const lost = new Set(events.filter((e) => e.kind === 'record_not_submitted').map((e) => `${e.person} ${e.type}`));
    const unknownToTown = new Set(readCsv(path.join(dirA, 'truth', 'contradictions.csv')).slice(1).filter((r) => r[0] === 'marriage_unknown_to_town').map((r) => r[1]));
    const ofType = (type: string) => {
      const out = new Map<string, string[]>();
      for (const r of records) if (r[4] === type) out.set(r[8]!.split(';')[0]!, [...(out.get(r[8]!.split(';')[0]!) ?? []), r[7]!]);
      return out;
    };
    const profiles = ofType('woman_profile');
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const end = day('2025-12-31');
    let checked = 0;
    for (const m of events.filter((e) => e.kind === 'marriage')) {
      const wife = persons.get(m.person!)!;
      const d = day(m.date!);
      const age = (d + 40 - day(wife[3]!)) / 365.25;
      const goneBy = (col: number) => wife[col] !== '' && day(wife[col]!) <= d + 40;
      if (wife[8] === '1' || age > 49 || goneBy(4) || goneBy(6) || unknownToTown.has(m.person) || lost.has(`${m.person} woman_profile`) || d + 120 > end) continue;
      checked += 1;
      expect((profiles.get(m.person!) ?? []).some((p) => day(p) > d && day(p) <= d + 40), `profile after the marriage of ${m.person} on ${m.date}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(20);
    // A permit still valid at the end was issued (renewed) and submitted: one starts within 3 years of its end.
    const permits = ofType('residence_permit');
    let renewed = 0;
    for (const [id, row] of persons) {
      if (row[7] !== '1' || row[19] === '' || row[19]! < '2025-12-31' || lost.has(`${id} residence_permit`)) continue;
      const latest = (permits.get(id) ?? []).sort().at(-1);
      expect(latest, `permit of ${id} valid to ${row[19]}`).toBeDefined();
      if (day(row[19]!) - day(latest!) <= 3 * 365 + 1) renewed += 1;
      else expect.fail(`the permit of ${id} valid to ${row[19]} was never submitted (latest ${latest})`);
    }
    expect(renewed).toBeGreaterThan(20);
  });

  it('never dates a remarriage before the divorce that preceded it', () => {
    const events = fs.readFileSync(path.join(dirA, 'truth', 'events.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const lastDivorce = new Map<string, string>();
    let remarriages = 0;
    for (const e of events) {
      for (const p of [e.person, e.spouse]) {
        if (!p || (e.kind !== 'divorce' && e.kind !== 'marriage')) continue;
        if (e.kind === 'divorce') lastDivorce.set(p, e.date!);
        else if (lastDivorce.has(p)) {
          remarriages += 1;
          expect(e.date! > lastDivorce.get(p)!, `${p} divorced ${lastDivorce.get(p)} and married ${e.date}`).toBe(true);
        }
      }
    }
    expect(remarriages).toBeGreaterThan(0);
  });

  it("injects a town's different name, a wrong hospital birth order, a woman never profiled and a licence holder's lapsed permit, each visible in the files", async () => {
    const dir = path.join(tmp, 'more');
    await generateDistrict({ persons: 4000, seed: 'more', months: 8, start: '2024-01', out: dir, contradictionRates: { name_disagreement: 0.5, birth_order_wrong: 1, woman_profile_missing: 0.5 } });
    const contradictions = readCsv(path.join(dir, 'truth', 'contradictions.csv')).slice(1).filter((r) => r.length > 1);
    const of = (kind: string) => new Set(contradictions.filter((r) => r[0] === kind).map((r) => r[1]!));
    const persons = new Map(readCsv(path.join(dir, 'truth', 'persons.csv')).slice(1).filter((r) => r.length > 1).map((r) => [r[0]!, r]));
    const records = readCsv(path.join(dir, 'truth', 'records.csv')).slice(1).filter((r) => r.length > 1);
    const files = (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] }).files;
    // Never profiled: not one profile of hers in any file.
    const unprofiled = of('woman_profile_missing');
    expect(unprofiled.size).toBeGreaterThan(10);
    expect(records.filter((r) => r[4] === 'woman_profile' && unprofiled.has(r[8]!.split(';')[0]!))).toEqual([]);
    // Profiled under another name: in the towns' CSV files, a name the registry's comparison calls different.
    const renamed = of('name_disagreement');
    expect(renamed.size).toBeGreaterThan(10);
    const profileRows = files.filter((e) => e.type === 'woman_profile' && e.format === 'csv_gbk').flatMap((e) => readCsv(path.join(dir, e.file)).slice(1));
    const idColumn = getEventType('woman_profile')!.fields.findIndex((f) => f.key === 'id_number');
    const nameColumn = getEventType('woman_profile')!.fields.findIndex((f) => f.key === 'name');
    const checked = profileRows.filter((row) => renamed.has(row[idColumn]!));
    expect(checked.length).toBeGreaterThan(0);
    for (const row of checked) {
      const own = prepareRecord({ id: 'a', name: persons.get(row[idColumn]!)![1]! }).fullName!;
      expect(compareNames(own, prepareRecord({ id: 'b', name: row[nameColumn]! }).fullName!), row[nameColumn]).toBeGreaterThanOrEqual(4);
    }
    // Every hospital birth reports a wrong birth order (the first hospital's NDJSON files).
    const order = new Map<string, number>();
    for (const line of fs.readFileSync(path.join(dir, 'truth', 'events.ndjson'), 'utf8').trim().split('\n')) {
      const e = JSON.parse(line) as { kind: string; date: string; mother?: string; order?: number };
      if (e.kind === 'birth') order.set(`${e.mother} ${e.date}`, e.order!);
    }
    const births = files.filter((e) => e.type === 'birth' && e.org === 'HOSP-01').flatMap((e) => fs.readFileSync(path.join(dir, e.file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { mother_id_number: string; birth_date: string; birth_order: number }));
    const known = births.filter((b) => order.has(`${b.mother_id_number} ${b.birth_date}`));
    expect(known.length).toBeGreaterThan(5);
    for (const b of known) expect(b.birth_order).not.toBe(order.get(`${b.mother_id_number} ${b.birth_date}`));
    // A licence holder whose permit lapsed before the end: her permit ends before the last day.
    for (const r of contradictions.filter((c) => c[0] === 'business_without_permit' && c[3]!.includes('lapsed'))) expect(persons.get(r[1]!)![19]! < '2024-08-31').toBe(true);
    // Records due after the last month are in the truth as never submitted.
    expect(fs.readFileSync(path.join(dir, 'truth', 'events.ndjson'), 'utf8')).toContain('"reason":"after_run"');
  }, 60_000);

  it('lets the expected indicators be recomputed from the truth files', () => {
    const indicators = JSON.parse(fs.readFileSync(path.join(dirA, 'truth', 'indicators.json'), 'utf8')) as Array<{ period: string; area: string; births: number; deaths: number; births_male: number; sex_ratio_at_birth: number | null; birth_order_shares: Record<string, number | null>; population: number; crude_birth_rate: number | null }>;
    const events = fs.readFileSync(path.join(dirA, 'truth', 'events.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; date: string; sex: number; order: number });
    const persons = readCsv(path.join(dirA, 'truth', 'persons.csv')).slice(1).filter((r) => r.length > 1);
    for (const row of indicators.filter((r) => r.area === '440606000000')) {
      const inPeriod = (date: string) => periodContains(row.period, date);
      const births = events.filter((e) => e.kind === 'birth' && inPeriod(e.date));
      expect(row.births, row.period).toBe(births.length);
      expect(row.births_male).toBe(births.filter((b) => b.sex === 1).length);
      expect(row.deaths).toBe(events.filter((e) => e.kind === 'death' && inPeriod(e.date)).length);
      const first = births.filter((b) => b.order === 1).length;
      if (births.length > 0) expect(row.birth_order_shares['1']).toBeCloseTo((first / births.length) * 100, 4);
      // Average population: person-days present within the period over its days.
      const [from, to] = periodBounds(row.period);
      let personDays = 0;
      for (const p of persons) {
        if (p[8] === '1') continue;
        const enter = Math.max(from, dayNumber(p[3]!), p[5] ? dayNumber(p[5]) : from);
        const exit = Math.min(to, p[6] ? dayNumber(p[6]) : to, p[4] ? dayNumber(p[4]) : to);
        if (exit > enter) personDays += exit - enter;
      }
      expect(row.population).toBeCloseTo(personDays / (to - from), 3);
      const months = Math.round((to - from) / 30.44);
      if (row.crude_birth_rate !== null) expect(row.crude_birth_rate).toBeCloseTo((births.length / (personDays / (to - from))) * 1000 * (12 / months), 3);
    }
  });
});

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function periodBounds(period: string): [number, number] {
  if (/^\d{4}$/.test(period)) return [dayNumber(`${period}-01-01`), dayNumber(`${Number(period) + 1}-01-01`)];
  if (/^\d{4}-\d{2}$/.test(period)) return [dayNumber(`${period}-01`), dayNumber(`${nextMonth(period)}-01`)];
  const [a, b] = period.split('..') as [string, string];
  return [dayNumber(`${a}-01`), dayNumber(`${nextMonth(b)}-01`)];
}

function periodContains(period: string, date: string): boolean {
  const [from, to] = periodBounds(period);
  const d = dayNumber(date);
  return d >= from && d < to;
}
