import type { Database } from '../../platform/db/schema.js';

/** Registry facts an agreement may share through person queries and lists. */
export const PERSON_FIELDS = [
  'id_number',
  'name',
  'sex',
  'birth_date',
  'died_on',
  'hukou_division',
  'residence_division',
  'managing_division',
  'population',
  'marital_status',
  'household_number',
  'expected_delivery_on',
  'contraception_method',
  'flags',
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];

/** The area an agreement covers: the organisation's own jurisdiction, or named divisions. */
export type AgreementArea = { mode: 'jurisdiction' } | { mode: 'divisions'; codes: string[] };

export type AgreementStatus = Database['agreements']['status'];

/** What an agreement shares: per event type the payload fields, and registry facts. */
export interface AgreementScope {
  eventFields: Record<string, string[]>;
  personFields: PersonField[];
  area: AgreementArea;
  validFrom: string;
  validTo: string | null;
}

export interface Agreement extends AgreementScope {
  id: string;
  orgId: string;
  orgCode: string;
  title: string;
  purpose: string;
  status: AgreementStatus;
  version: number;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  updatedAt: string;
}

export function toAgreement(row: Database['agreements']): Agreement {
  return {
    id: row.id,
    orgId: row.org_id,
    orgCode: row.org_code,
    title: row.title,
    purpose: row.purpose,
    eventFields: JSON.parse(row.event_fields) as Record<string, string[]>,
    personFields: JSON.parse(row.person_fields) as PersonField[],
    area: JSON.parse(row.area) as AgreementArea,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    version: Number(row.version),
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

/** True when the agreement is approved and `day` (YYYY-MM-DD) lies within its period. */
export function isAgreementCurrent(agreement: Agreement, day: string): boolean {
  return agreement.status === 'approved' && agreement.validFrom <= day && (agreement.validTo === null || day <= agreement.validTo);
}

