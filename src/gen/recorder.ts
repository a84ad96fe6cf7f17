import { getEventType } from '../exchange/catalog/index.js';
import { validateRecord } from '../exchange/ingest/validate/index.js';
import type { FieldDefinition } from '../exchange/catalog/event-type.js';
import { isoDate, monthIndexOf, type Day, type MonthIndex } from './calendar.js';
import {
  corruptIdNumber,
  corruptName,
  swapDayMonth,
  type ErrorRates,
  type ValueErrorKind,
} from './imperfections.js';
import { Rng } from './rng.js';

export type RecordValues = Record<string, string | number | undefined>;

export interface InjectedError {
  field: string;
  kind: ValueErrorKind;
  truth: string;
  submitted: string;
}

/** One row a department submits, with what the truth files say about it. */
export interface SubmittedRecord {
  type: string;
  org: string;
  recordId: string;
  action: 'create' | 'correct' | 'cancel';
  values: RecordValues;
  /** True ID numbers of the persons the record is about (subject first). */
  subjects: string[];
  errors: InjectedError[];
  /** `duplicate`, `correction`, `resubmission`, `double_entry`, `cancels_double_entry`, `late` or empty. */
  note: string;
  eventDate: string;
}

const NAME_FIELDS = new Set(['name', 'child_name', 'mother_name', 'father_name', 'husband_name', 'wife_name']);
const SWAPPABLE_DATES = new Set(['birth_date', 'child_birth_date']);

/**
 * Collects what each department submits, month by month, injecting the configured
 * imperfections (with their truth) and scheduling duplicates, corrections and double entries
 * into later months' files.
 */
export class Recorder {
  private readonly buckets = new Map<MonthIndex, Map<string, SubmittedRecord[]>>();
  private readonly counters = new Map<string, number>();
  private readonly rng: Rng;
  private readonly fieldCache = new Map<string, readonly FieldDefinition[]>();
  /** The month being simulated: a record handled now about an earlier day goes into this month's files (those months are written). */
  openMonth: MonthIndex = Number.NEGATIVE_INFINITY;
  /** Told of each record that would be reported after the run's last month (so never submitted). */
  onDropped?: (record: SubmittedRecord) => void;

  constructor(
    seed: string,
    private readonly rates: ErrorRates,
    private readonly lastMonth: MonthIndex,
  ) {
    this.rng = Rng.fork(seed, 'recorder');
  }

  /**
   * A department records an event: `eventDay` is the event's date, `processedDay` the day the
   * department handled it (decides the reporting month; defaults to the event day).
   */
  submit(type: string, org: string, eventDay: Day, values: RecordValues, subjects: string[], processedDay: Day = eventDay): SubmittedRecord | undefined {
    let month = monthIndexOf(processedDay);
    let note = '';
    if (this.rng.chance(this.rates.late_record)) {
      month += this.rng.between(1, 2);
      note = 'late';
    }
    const recordId = this.nextRecordId(org, type);
    const record: SubmittedRecord = {
      type,
      org,
      recordId,
      action: 'create',
      values: { ...values, record_id: recordId },
      subjects,
      errors: [],
      note,
      eventDate: isoDate(eventDay),
    };
    this.corrupt(record);
    this.place(month, record);
    if (record.errors.length > 0 && this.rng.chance(this.rates.correction)) {
      // A row the platform accepted with a wrong value is fixed with "correct"; a row it
      // rejected never reached the ledger, so the clerk simply sends it again.
      const accepted = this.wouldBeAccepted(record);
      this.place(month + this.rng.between(1, 2), {
        ...record,
        action: accepted ? 'correct' : 'create',
        values: { ...values, record_id: recordId, ...(accepted ? { action: 'correct' } : {}) },
        errors: [],
        note: accepted ? 'correction' : 'resubmission',
      });
    }
    if (this.rng.chance(this.rates.duplicate_submission)) {
      this.place(month + this.rng.between(0, 1), { ...record, note: 'duplicate' });
    }
    if (this.rng.chance(this.rates.cancellation)) {
      const doubleId = this.nextRecordId(org, type);
      const double = { ...record, recordId: doubleId, values: { ...record.values, record_id: doubleId }, note: 'double_entry' };
      this.place(month, double);
      this.place(month + 1, {
        ...double,
        action: 'cancel',
        values: { ...double.values, action: 'cancel' },
        errors: [],
        note: 'cancels_double_entry',
      });
    }
    return record;
  }

  /** Takes the records reported for a month, grouped by organisation and type. */
  takeMonth(month: MonthIndex): Map<string, SubmittedRecord[]> {
    const bucket = this.buckets.get(month) ?? new Map<string, SubmittedRecord[]>();
    this.buckets.delete(month);
    return bucket;
  }

  private place(reportMonth: MonthIndex, record: SubmittedRecord): void {
    const month = Math.max(reportMonth, this.openMonth);
    // Records that would fall after the last month are not submitted within the run.
    if (month > this.lastMonth) {
      this.onDropped?.(record);
      return;
    }
    let bucket = this.buckets.get(month);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(month, bucket);
    }
    const key = `${record.org}\u0000${record.type}`;
    const list = bucket.get(key);
    if (list) list.push(record);
    else bucket.set(key, [record]);
  }

  private nextRecordId(org: string, type: string): string {
    const key = `${org}:${type}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return `${org}-${type.toUpperCase().replace(/_/g, '')}-${String(n).padStart(7, '0')}`;
  }

  private wouldBeAccepted(record: SubmittedRecord): boolean {
    const eventType = getEventType(record.type);
    if (!eventType) return false;
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(record.values)) if (value !== undefined && value !== '') values[key] = String(value);
    return validateRecord(eventType, values, { today: '2999-12-31', orgType: eventType.submitters[0]!, isOwnDivision: () => true }).ok;
  }

  private fields(type: string): readonly FieldDefinition[] {
    let fields = this.fieldCache.get(type);
    if (!fields) {
      fields = getEventType(type)?.fields ?? [];
      this.fieldCache.set(type, fields);
    }
    return fields;
  }

  private corrupt(record: SubmittedRecord): void {
    const rng = this.rng;
    for (const field of this.fields(record.type)) {
      const value = record.values[field.key];
      if (value === undefined || value === '') continue;
      const text = String(value);
      let kind: ValueErrorKind | undefined;
      let submitted: string | undefined;
      if (NAME_FIELDS.has(field.key)) {
        const roll = rng.next();
        kind =
          roll < this.rates.name_homophone
            ? 'name_homophone'
            : roll < this.rates.name_homophone + this.rates.name_similar_char
              ? 'name_similar_char'
              : roll < this.rates.name_homophone + this.rates.name_similar_char + this.rates.name_traditional
                ? 'name_traditional'
                : undefined;
        if (kind) submitted = corruptName(rng, text, kind as 'name_homophone');
      } else if (field.kind === 'id_number') {
        const roll = rng.next();
        if (roll < this.rates.id_check_digit) kind = 'id_check_digit';
        else if (roll < this.rates.id_check_digit + this.rates.id_transposition) kind = 'id_transposition';
        else if (roll < this.rates.id_check_digit + this.rates.id_transposition + this.rates.id_missing) kind = 'id_missing';
        if (kind === 'id_missing') submitted = '';
        else if (kind) submitted = corruptIdNumber(rng, text, kind as 'id_check_digit');
      } else if (SWAPPABLE_DATES.has(field.key) && rng.chance(this.rates.date_day_month_swap)) {
        kind = 'date_day_month_swap';
        submitted = swapDayMonth(text);
      }
      if (kind && submitted !== undefined && submitted !== text) {
        record.values[field.key] = submitted;
        record.errors.push({ field: field.key, kind, truth: text, submitted });
      }
    }
  }
}
