import fs from 'node:fs';
import { parse } from 'csv-parse';
import { mapRow, resolveFieldMapping, type FieldMapping } from './field-mapping.js';
import type { LinkRecord } from './link-record.js';
import { LinkageInputError } from './linkage-input-error.js';

export interface ReadOptions {
  /** Column holding the record id. */
  id: string;
  /** `field=column` overrides. */
  map?: Readonly<Record<string, string>>;
}

/**
 * Reads a CSV with a header row (UTF-8, BOM allowed, spaces around fields trimmed as in FEBRL)
 * into LinkRecords, streaming row by row. Throws LinkageInputError, in English and Chinese,
 * when the file cannot be read, is not CSV, lacks the id column or repeats an id.
 */
export async function readLinkRecords(
  file: string,
  options: ReadOptions,
): Promise<{ records: LinkRecord[]; mapping: FieldMapping }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new LinkageInputError(`cannot read ${file}: no such file`, `无法读取 ${file}：文件不存在`);
  }
  const records: LinkRecord[] = [];
  const ids = new Set<string>();
  let mapping: FieldMapping | undefined;
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }));
  let header: string[] | undefined;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = row;
        mapping = resolveFieldMapping(header, options.id, options.map);
        continue;
      }
      const record = mapRow(Object.fromEntries(header.map((h, i) => [h, row[i]])), mapping!);
      if (record.id === '')
        throw new LinkageInputError(
          `${file} line ${records.length + 2}: the id is empty`,
          `${file} 第 ${records.length + 2} 行：记录编号为空`,
        );
      if (ids.has(record.id))
        throw new LinkageInputError(
          `${file}: the id "${record.id}" appears twice`,
          `${file}：记录编号"${record.id}"重复`,
        );
      ids.add(record.id);
      records.push(record);
    }
  } catch (error) {
    if (error instanceof LinkageInputError) throw error;
    throw new LinkageInputError(
      `${file} is not a readable CSV file: ${(error as Error).message}`,
      `${file} 不是可读取的 CSV 文件：${(error as Error).message}`,
    );
  }
  if (!mapping) throw new LinkageInputError(`${file} is empty: a header row is needed`, `${file} 为空：需要表头行`);
  return { records, mapping };
}
