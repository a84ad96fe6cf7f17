import fs from 'node:fs';
import path from 'node:path';
import { getEventType } from '../exchange/catalog/index.js';
import { createTabularWriter, type Column, type TabularFormat, type TabularWriter } from '../platform/tabular/tabular-writer.js';
import type { SubmittedRecord } from './recorder.js';

/** One line of DIR/manifest.json: a file as one organisation submits it for one month. */
export interface ManifestEntry {
  file: string;
  type: string;
  org: string;
  month: string;
  format: TabularFormat;
  /** `baseline` (the registers that exist at the start) or `monthly`. */
  kind: 'baseline' | 'monthly';
  rows: number;
  /** The day the department submitted it (late files come well after the month). */
  submitted_on: string;
}

const EXTENSION: Record<TabularFormat, string> = {
  csv_utf8: 'csv',
  csv_utf8_bom: 'csv',
  csv_gbk: 'csv',
  ndjson: 'ndjson',
  xlsx: 'xlsx',
};

/** Columns of an event type: catalog keys, Chinese labels as headers (except where an office exports keys). */
export function columnsOf(type: string, headers: 'label' | 'key'): Column[] {
  const eventType = getEventType(type);
  if (!eventType) throw new Error(`unknown event type ${type}`);
  return eventType.fields.map((field) => ({
    key: field.key,
    header: headers === 'label' ? field.labelZh : field.key,
    kind: field.kind === 'integer' ? 'integer' : field.kind === 'date' ? 'date' : 'text',
  }));
}

/**
 * The file format an office uses: police stations export GBK CSV from old systems, hospitals
 * upload NDJSON or Excel, towns and the service station keep Excel, the marriage registry
 * UTF-8 CSV with a BOM, commerce plain CSV with field keys.
 */
export function formatOf(org: string): { format: TabularFormat; headers: 'label' | 'key' } {
  if (org.startsWith('PS-') || org === 'POLICE') return { format: 'csv_gbk', headers: 'label' };
  if (org === 'HOSP-01') return { format: 'ndjson', headers: 'key' };
  if (org.startsWith('HOSP-') || org === 'HEALTH') return { format: 'xlsx', headers: 'label' };
  if (org.startsWith('CIVIL')) return { format: 'csv_utf8_bom', headers: 'label' };
  if (org === 'COMMERCE') return { format: 'csv_utf8', headers: 'key' };
  if (org === 'TOWN-003' || org === 'TOWN-104') return { format: 'csv_gbk', headers: 'label' };
  return { format: 'xlsx', headers: 'label' };
}

/** Writes the submitted files, the manifest and the per-record truth. */
export class OutputWriter {
  readonly manifest: ManifestEntry[] = [];
  private readonly truthRecords: TabularWriter;
  private readonly truthErrors: TabularWriter;

  constructor(readonly dir: string) {
    fs.mkdirSync(path.join(dir, 'truth'), { recursive: true });
    this.truthRecords = createTabularWriter('csv_utf8', path.join(dir, 'truth', 'records.csv'), [
      'file', 'row', 'record_id', 'action', 'type', 'org', 'month', 'event_date', 'persons', 'note', 'errors',
    ].map((key) => ({ key, header: key })));
    this.truthErrors = createTabularWriter('csv_utf8', path.join(dir, 'truth', 'errors.csv'), [
      'file', 'row', 'record_id', 'field', 'kind', 'true_value', 'submitted_value',
    ].map((key) => ({ key, header: key })));
  }

  /** Opens a file for an organisation's submission of a type for a month. */
  open(month: string, org: string, type: string, kind: ManifestEntry['kind'], submittedOn: string): FileHandle {
    const { format, headers } = formatOf(org);
    const file = path.posix.join(kind === 'baseline' ? 'baseline' : month, org, `${type}.${EXTENSION[format]}`);
    fs.mkdirSync(path.join(this.dir, path.dirname(file)), { recursive: true });
    const columns = columnsOf(type, headers);
    const sheetName = getEventType(type)!.labelZh.replace(/[:\\/?*[\]]/g, '、').slice(0, 31);
    // Level 1: a third larger files, three times faster to write; a million-person register is big.
    const writer = createTabularWriter(format, path.join(this.dir, file), columns, { sheetName, compressionLevel: 1 });
    const entry: ManifestEntry = { file, type, org, month, format, kind, rows: 0, submitted_on: submittedOn };
    this.manifest.push(entry);
    return new FileHandle(this, entry, columns, writer);
  }

  async recordTruth(entry: ManifestEntry, row: number, record: SubmittedRecord): Promise<void> {
    await this.truthRecords.writeRow([
      entry.file,
      row,
      record.recordId,
      record.action,
      record.type,
      record.org,
      entry.month,
      record.eventDate,
      record.subjects.join(';'),
      record.note,
      record.errors.map((e) => e.kind).join(';'),
    ]);
    for (const error of record.errors) {
      await this.truthErrors.writeRow([entry.file, row, record.recordId, error.field, error.kind, error.truth, error.submitted]);
    }
  }

  async close(): Promise<void> {
    await this.truthRecords.close();
    await this.truthErrors.close();
    fs.writeFileSync(path.join(this.dir, 'manifest.json'), `${JSON.stringify({ files: this.manifest }, null, 1)}\n`);
    fs.writeFileSync(path.join(this.dir, 'truth', 'README.md'), TRUTH_README);
  }
}

/** One file being written; rows are numbered from 1 (the first data row). */
export class FileHandle {
  constructor(
    private readonly output: OutputWriter,
    readonly entry: ManifestEntry,
    private readonly columns: Column[],
    private readonly writer: TabularWriter,
  ) {}

  async write(record: SubmittedRecord): Promise<void> {
    const values = this.columns.map((column) => {
      const value = record.values[column.key];
      return value === undefined ? '' : value;
    });
    const pending = this.writer.writeRow(values);
    if (pending) await pending;
    this.entry.rows += 1;
    await this.output.recordTruth(this.entry, this.entry.rows, record);
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}

const TRUTH_README = `# Ground truth of a generated district

Written by \`popx gen\`; nothing here is submitted by a department.

| file | what it holds |
|---|---|
| persons.csv | every person who lived in the district during the run (and spouses from elsewhere, \`external\` = 1): true ID number, name, sex, birth and death dates, arrival and departure, floating flag, registration and residence divisions, parents, spouse, children at the end, the end of the residence permit last issued |
| records.csv | every submitted row: file, row (1 = first data row), record_id, action, type, org, reporting month, event date, the true ID numbers of the persons it is about (subject first), a note (\`late\`, \`duplicate\`, \`correction\`, \`resubmission\`, \`double_entry\`, \`cancels_double_entry\`) and the kinds of error injected into it |
| errors.csv | each injected value error: file, row, record_id, field, kind, true value, submitted value |
| contradictions.csv | each genuine contradiction between departments: kind, person, date, detail |
| missing-files.json | monthly files that were never submitted (their records are lost) |
| events.ndjson | every true life event in order (births with order and town, deaths, marriages, moves, pregnancies…), and each record never submitted (\`record_not_submitted\`: its file went missing, or \`reason\` \`after_run\`: it would have been reported after the last month) with the persons it is about |
| indicators.json | expected indicators per month, per calendar year inside the run and for the whole run, for the district and each town (by residence) |

Indicator conventions: averages are person-time (days present in the area within the period over the period's days); a
woman's age is her age in completed years on the day counted (the birth date for births); rates are per year (a period of
k months is scaled by 12/k, so a calendar year gives exactly births / average population × 1000); ASFR by 5-year group,
TFR = 5 × Σ ASFR / 1000; birth-order shares in % of births; sex ratio at birth = male / female × 100.
`;
