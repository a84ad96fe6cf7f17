import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/config.js';
import { AppError } from '../errors/index.js';

export type DivisionLevel = 'district' | 'town' | 'village';

export interface DivisionRow {
  code: string;
  name: string;
  parent: string | null;
  level: DivisionLevel;
  kind: string | null;
}

export interface DistrictProfile {
  /** 12-digit code of the district itself. */
  code: string;
  name: string;
  divisions: DivisionRow[];
  /** The `#` comment lines of the file: source, edition, licence. */
  provenance: string[];
}

export const SHIPPED_DISTRICT_FILE = path.join(PROJECT_ROOT, 'data', 'districts', '440606.csv');

/** Reads and validates a district profile CSV (see data/districts/README.md). */
export function readDistrictFile(file: string): DistrictProfile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw districtError(`cannot read ${file}: ${(error as Error).message}`, `无法读取区划文件 ${file}`);
  }
  return parseDistrictCsv(text);
}

/** Parses district CSV text: `code,name,parent[,level,kind]`, `#` comments, a header row. */
export function parseDistrictCsv(text: string): DistrictProfile {
  const provenance: string[] = [];
  const rows: DivisionRow[] = [];
  let header: string[] | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      provenance.push(line.slice(1).trim());
      return;
    }
    const cells = splitCsvLine(line).map((cell) => cell.trim());
    if (!header) {
      header = cells.map((cell) => cell.toLowerCase());
      for (const required of ['code', 'name', 'parent']) {
        if (!header.includes(required)) {
          throw districtError(
            `line ${lineNo}: the header must name the columns code,name,parent (found ${cells.join(',')})`,
            `第 ${lineNo} 行：表头须包含 code,name,parent 列`,
          );
        }
      }
      return;
    }
    const get = (name: string): string => cells[header!.indexOf(name)] ?? '';
    rows.push(toRow(get('code'), get('name'), get('parent'), get('level'), get('kind'), lineNo));
  });
  return validateProfile(rows, provenance);
}

function toRow(
  rawCode: string,
  name: string,
  rawParent: string,
  rawLevel: string,
  kind: string,
  lineNo: number,
): DivisionRow {
  const code = normaliseDivisionCode(rawCode);
  if (!code) {
    throw districtError(
      `line ${lineNo}: "${rawCode}" is not a 6, 9 or 12-digit division code`,
      `第 ${lineNo} 行：“${rawCode}”不是 6、9 或 12 位区划代码`,
    );
  }
  if (!name) throw districtError(`line ${lineNo}: the name is empty`, `第 ${lineNo} 行：名称为空`);
  const parent = rawParent ? normaliseDivisionCode(rawParent) : null;
  if (rawParent && !parent) {
    throw districtError(
      `line ${lineNo}: parent "${rawParent}" is not a division code`,
      `第 ${lineNo} 行：上级代码“${rawParent}”无效`,
    );
  }
  const level = (rawLevel || inferLevel(code)) as DivisionLevel;
  if (!['district', 'town', 'village'].includes(level)) {
    throw districtError(
      `line ${lineNo}: level must be district, town or village (got "${rawLevel}")`,
      `第 ${lineNo} 行：层级须为 district、town 或 village`,
    );
  }
  return { code, name, parent, level, kind: kind || null };
}

/** Pads a 6- or 9-digit code to 12 digits; returns null for anything that is not a code. */
export function normaliseDivisionCode(raw: string): string | null {
  const code = raw.trim();
  if (/^\d{12}$/.test(code)) return code;
  if (/^\d{9}$/.test(code)) return `${code}000`;
  if (/^\d{6}$/.test(code)) return `${code}000000`;
  return null;
}

function inferLevel(code: string): DivisionLevel {
  if (code.endsWith('000000')) return 'district';
  if (code.endsWith('000')) return 'town';
  return 'village';
}

function validateProfile(rows: DivisionRow[], provenance: string[]): DistrictProfile {
  const districts = rows.filter((row) => row.level === 'district');
  if (districts.length !== 1) {
    throw districtError(
      `the file must hold exactly one district row (found ${districts.length})`,
      `文件须有且仅有一个区级行（实际 ${districts.length} 个）`,
    );
  }
  const district = districts[0]!;
  const byCode = new Map<string, DivisionRow>();
  for (const row of rows) {
    if (byCode.has(row.code)) {
      throw districtError(`division ${row.code} appears twice`, `区划代码 ${row.code} 重复`);
    }
    byCode.set(row.code, row);
  }
  const expectedParentLevel: Record<DivisionLevel, DivisionLevel | null> = {
    district: null,
    town: 'district',
    village: 'town',
  };
  for (const row of rows) {
    if (row.level === 'district') {
      row.parent = null;
      continue;
    }
    const parent = row.parent ? byCode.get(row.parent) : undefined;
    if (!parent || parent.level !== expectedParentLevel[row.level]) {
      throw districtError(
        `${row.level} ${row.code} ${row.name}: its parent ${row.parent ?? '(none)'} is not a ${expectedParentLevel[row.level]} of this file`,
        `${row.code} ${row.name}：上级 ${row.parent ?? '（空）'} 不在本文件中或层级不符`,
      );
    }
    if (row.code.slice(0, 6) !== district.code.slice(0, 6)) {
      throw districtError(
        `${row.code} ${row.name} does not belong to district ${district.code.slice(0, 6)}`,
        `${row.code} ${row.name} 不属于本区 ${district.code.slice(0, 6)}`,
      );
    }
  }
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return { code: district.code, name: district.name, divisions: rows, provenance };
}

/** Splits one CSV line, honouring double quotes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function districtError(message: string, messageZh: string): AppError {
  return new AppError('INVALID_DISTRICT_FILE', { message, messageZh });
}
