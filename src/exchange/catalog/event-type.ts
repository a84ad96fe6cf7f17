import type { OrgType } from '../../platform/orgs/org-types.js';
import type { CodeTableName } from './code-tables.js';

/**
 * How a field's value is written and checked:
 * - `id_number`: GB 11643 resident ID, canonical 18 characters;
 * - `string`: free text up to `maxLength`;
 * - `date`: `YYYY-MM-DD` (import also reads the loose forms and Excel serials);
 * - `code`: a code of `codeTable` (import also reads the labels);
 * - `integer`: a whole number between `min` and `max`;
 * - `division`: a division of this district, canonical 12 digits (a 9-digit town code is padded);
 * - `division_any`: any 6-, 9- or 12-digit division code, canonical 12 digits (zero-padded);
 * - `credit_code`: GB 32100 unified social credit code;
 * - `certificate`: the number of a certificate or document, kept as written.
 */
export type FieldKind =
  'id_number' | 'string' | 'date' | 'code' | 'integer' | 'division' | 'division_any' | 'credit_code' | 'certificate';

/** One column of an event type: its key is a stable identifier, its Chinese label the template header. */
export interface FieldDefinition {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** For `code` fields: the table of `CODE_TABLES` the value comes from. */
  readonly codeTable?: CodeTableName;
  /** For `code` fields: the only codes of the table allowed here, when not all are. */
  readonly codes?: readonly string[];
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** For `date` fields: the date may lie after the day of import (expected dates, expiries). */
  readonly allowFuture?: boolean;
  /** The value an empty cell takes. */
  readonly defaultValue?: string;
  /** What the field means and how to write it, as the template's 填写说明 sheet shows it. */
  readonly descriptionZh: string;
  readonly descriptionEn: string;
}

export type RuleSeverity = 'error' | 'warning';

/**
 * Cross-field checks, as data. A rule applies only when every field it names has a value
 * (except `one_of_required`, which is about presence). An `error` rejects the row; a
 * `warning` lets it through flagged for review.
 */
export type CrossFieldRule =
  /** `field` is the same day as or later than `other`. */
  | {
      readonly rule: 'date_not_before';
      readonly field: string;
      readonly other: string;
      readonly severity: RuleSeverity;
    }
  /** The birth date and sex encoded in `idField` equal the given fields. */
  | {
      readonly rule: 'id_agrees';
      readonly idField: string;
      readonly birthDateField?: string;
      readonly sexField?: string;
      readonly severity: RuleSeverity;
    }
  /** At least one group has all its fields filled. */
  | { readonly rule: 'one_of_required'; readonly groups: ReadonlyArray<readonly string[]>; readonly severity: 'error' }
  /**
   * The person of `idField` (birth date read from the ID number) was between `min` and `max`
   * completed years old on `dateField`; `min: 0` says the date is not before their birth.
   */
  | {
      readonly rule: 'age_at';
      readonly idField: string;
      readonly dateField: string;
      readonly min?: number;
      readonly max?: number;
      readonly severity: RuleSeverity;
    }
  /** The ID number in `idField` encodes `sex` (GB/T 2261.1). */
  | { readonly rule: 'id_sex'; readonly idField: string; readonly sex: '1' | '2'; readonly severity: RuleSeverity }
  /** The two fields do not hold the same value (one person cannot be both). */
  | { readonly rule: 'fields_differ'; readonly fields: readonly [string, string]; readonly severity: RuleSeverity };

/**
 * How an accepted record changes the registry, declaratively; the registry interprets it.
 * Field names are not repeated here: the registry reads the catalog's field keys.
 */
export type RegistryEffect =
  /** The subject's household registration is now at `division` (newborn or moved in). */
  | { readonly kind: 'hukou_in'; readonly reason: 'birth' | 'move_in' | 'register' }
  /** The subject's household registration left the district. */
  | { readonly kind: 'hukou_out'; readonly reason: 'move_out' }
  /** The subject died; their registration is cancelled. */
  | { readonly kind: 'death' }
  /** The subject lives in the district without (or besides) local hukou. */
  | { readonly kind: 'residence'; readonly basis: 'residence_permit' | 'business_license' }
  /** The subject moved for work, in or out according to `direction`. */
  | { readonly kind: 'labor_migration' }
  /** A child was born to the mother (and father) named in the record. */
  | { readonly kind: 'birth'; readonly evidence: 'hospital_report' | 'birth_certificate' }
  /** Evidence that the child named in the record is alive and in the district. */
  | { readonly kind: 'child_seen' }
  /** A pregnancy of the subject was registered, booked for delivery or terminated. */
  | { readonly kind: 'pregnancy'; readonly stage: 'registered' | 'delivery_booked' | 'terminated' }
  | { readonly kind: 'marriage' }
  | { readonly kind: 'divorce' }
  | { readonly kind: 'adoption' }
  /** The subject's marital status and children as the source reports them at the event date. */
  | { readonly kind: 'status_report' }
  /** The town's profile of a woman of childbearing age: residence, marriage, children, contraception. */
  | { readonly kind: 'woman_profile' }
  /** The subject's enrolment in a family-planning benefit started or ended (per `status`). */
  | { readonly kind: 'benefit'; readonly benefit: 'only_child_insurance' | 'two_daughter_pension' }
  | { readonly kind: 'contraception'; readonly stage: 'procedure' | 'followup' }
  | { readonly kind: 'health_service'; readonly service: 'prepregnancy_checkup' }
  /** An enterprise (not a person) was registered or deregistered. */
  | { readonly kind: 'enterprise'; readonly change: 'registered' | 'deregistered' }
  /** The bureau's own birth-service documents for a couple. */
  | { readonly kind: 'birth_service'; readonly document: 'registration' | 'permit' };

/** What the record is about: a person (by ID number) or an enterprise (by credit code). */
export type SubjectKind = 'person' | 'enterprise';

/** One event type of the exchange contract (docs/event-catalog.md). */
export interface EventType {
  /** Stable snake_case identifier, e.g. `hukou_birth`. */
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  /** The department group whose table lists the type in event-catalog.md. */
  readonly department: OrgType;
  /** Org types whose credentials may submit it. */
  readonly submitters: readonly OrgType[];
  /** The date field that places the event in time (reporting periods, timeliness). */
  readonly eventDateField: string;
  /** When set, the event date of a record without one is the day it was received. */
  readonly eventDateDefault?: 'received_on';
  /** The field identifying whom the record is about. */
  readonly subjectField: string;
  readonly subjectKind: SubjectKind;
  /**
   * When `subjectField` is empty, the subject is identified by its mother, birth date and sex
   * (a vaccinated infant without an ID number yet).
   */
  readonly subjectAlternative?: {
    readonly motherIdField: string;
    readonly birthDateField: string;
    readonly sexField: string;
  };
  /** `record_id` and `action` first, then the fields of the contract, then additions. */
  readonly fields: readonly FieldDefinition[];
  readonly rules: readonly CrossFieldRule[];
  readonly registryEffect: RegistryEffect;
}
