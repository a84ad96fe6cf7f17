import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventType } from '../exchange/catalog/index.js';
import { parseIdNumber } from '../platform/identity/index.js';
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
