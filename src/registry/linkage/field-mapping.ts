import { LINK_FIELDS, type LinkField, type LinkRecord } from './link-record.js';
import { LinkageInputError } from './linkage-input-error.js';

/** Which column feeds each field; `extra` maps further compared fields to columns. */
export interface FieldMapping {
  fields: Partial<Record<LinkField, string>>;
  extra: Record<string, string>;
}

/** Column names recognised without --map: the catalog's keys and labels, and FEBRL's columns. */
const ALIASES: Record<Exclude<LinkField, 'id'>, readonly string[]> = {
  name: ['name', '姓名', 'full_name'],
  givenName: ['given_name', 'first_name', 'givenname', '名'],
  surname: ['surname', 'last_name', 'family_name', '姓'],
  sex: ['sex', 'gender', '性别'],
  birthDate: ['birth_date', 'date_of_birth', 'dob', 'birthdate', '出生日期'],
  idNumber: ['id_number', 'soc_sec_id', 'idnumber', '公民身份号码', '身份证号码', '身份证号'],
  division: ['division', 'division_code', '行政区划', '行政区划代码'],
  address: ['address', 'address_1', '住址', '地址'],
  motherIdNumber: ['mother_id_number', '母亲身份证号码'],
  postcode: ['postcode', 'postal_code', 'zip', '邮政编码'],
};

/** FEBRL columns compared as free text beyond the core fields. */
const FEBRL_EXTRA = ['street_number', 'address_2', 'suburb', 'state'];

const SNAKE: Record<string, LinkField> = Object.fromEntries(
  LINK_FIELDS.flatMap((f) => [
    [f.toLowerCase(), f],
    [f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), f],
  ]),
);

/**
 * Works out which column feeds which field: `idColumn` is the record id; `overrides` are
 * `--map field=column` pairs (a core field in snake_case or camelCase, or any other name for an
 * extra compared field); other fields are found by their catalog or FEBRL column names.
 */
export function resolveFieldMapping(
  header: readonly string[],
  idColumn: string,
  overrides: Readonly<Record<string, string>> = {},
): FieldMapping {
  const columns = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const column = (name: string) => columns.get(name.trim().toLowerCase());
  const idHeader = column(idColumn);
  if (!idHeader) {
    throw new LinkageInputError(
      `the id column "${idColumn}" is not in the header (${header.join(', ')})`,
      `表头中没有记录编号列"${idColumn}"（表头：${header.join('，')}）`,
    );
  }
  const mapping: FieldMapping = { fields: { id: idHeader }, extra: {} };
  for (const [field, aliases] of Object.entries(ALIASES) as Array<[Exclude<LinkField, 'id'>, readonly string[]]>) {
    const found = aliases.map(column).find((c) => c !== undefined && c !== idHeader);
    if (found) mapping.fields[field] = found;
  }
  for (const name of FEBRL_EXTRA) {
    const found = column(name);
    if (found && mapping.fields.givenName) mapping.extra[name] = found;
  }
  for (const [target, source] of Object.entries(overrides)) {
    const found = column(source);
    if (!found)
      throw new LinkageInputError(
        `--map ${target}=${source}: no column "${source}" in the header`,
        `--map ${target}=${source}：表头中没有"${source}"列`,
      );
    const field = SNAKE[target.toLowerCase()] ?? SNAKE[target];
    if (field === 'id') throw new LinkageInputError('use --id to name the id column', '请用 --id 指定记录编号列');
    if (field) mapping.fields[field] = found;
    else mapping.extra[target] = found;
  }
  if (Object.keys(mapping.fields).length === 1 && Object.keys(mapping.extra).length === 0) {
    throw new LinkageInputError(
      'no column to compare: name the columns with --map field=column (e.g. --map name=child_name)',
      '没有可比对的列：请用 --map 字段=列名 指定（如 --map name=child_name）',
    );
  }
  return mapping;
}

/** One CSV row as a LinkRecord under a mapping; empty cells are left out. */
export function mapRow(row: Readonly<Record<string, string | undefined>>, mapping: FieldMapping): LinkRecord {
  const record: LinkRecord = { id: row[mapping.fields.id!] ?? '' };
  for (const [field, column] of Object.entries(mapping.fields) as Array<[LinkField, string]>) {
    const value = row[column]?.trim();
    if (field !== 'id' && value) record[field] = value;
  }
  for (const [name, column] of Object.entries(mapping.extra)) {
    const value = row[column]?.trim();
    if (value) (record.extra ??= {})[name] = value;
  }
  return record;
}
