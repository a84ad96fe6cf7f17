/**
 * How each event type changes the registry, as data: which persons a record is about (its
 * roles), how to recognise each of them (ID number, or name, sex, birth date and a parent when
 * there is none), which facts it states about them, and which relations it records between
 * them. The projection (projection/) applies these; a new event type is a new entry here.
 */

/** A fact the registry keeps about a person; each has its own survivorship rule (survivorship.ts). */
export type FactName =
  | 'id_number'
  | 'name'
  | 'sex'
  | 'birth_date'
  | 'ethnicity'
  | 'died_on'
  | 'hukou_division'
  | 'hukou_in_on'
  | 'hukou_out_on'
  | 'hukou_out_to'
  | 'residence_division'
  | 'residence_permit_from'
  | 'residence_permit_to'
  | 'address'
  | 'marital_status'
  | 'married_on'
  | 'divorced_on'
  | 'reported_sons'
  | 'reported_daughters'
  | 'pregnancy_registered_on'
  | 'expected_delivery_on'
  | 'gave_birth_on'
  | 'pregnancy_terminated_on'
  | 'contraception_method'
  | 'contraception_on'
  | 'only_child_insurance'
  | 'two_daughter_pension'
  | 'business_license'
  | 'birth_permit'
  | 'birth_service_registered_on'
  | 'left_district_on'
  | 'household_number';

/** A fact's value: a field of the record, or a constant (`=value`). */
export type FactSource = string;

export type RoleName = 'subject' | 'mother' | 'father' | 'child' | 'husband' | 'wife' | 'spouse' | 'adopter' | 'adopter_spouse' | 'legal_rep';

/** One person a record is about, and how to find them. */
export interface RoleEffect {
  readonly role: RoleName;
  /** The field with the person's ID number (absent or empty: found by the other fields). */
  readonly idField?: string;
  readonly nameField?: string;
  readonly birthDateField?: string;
  /** The field with the person's sex, or a constant `=1` / `=2`. */
  readonly sexField?: string;
  /** For a child without an ID number: the role of the mother it is found through. */
  readonly parentRole?: RoleName;
  /** Whether a record with no usable identity for this role still creates the person (a newborn). */
  readonly createWithoutId?: boolean;
  /**
   * Each record of this type from one source is a different person in this role (a birth report
   * per child: two from one hospital for one mother and day are twins). Not so for vaccinations.
   */
  readonly onePerRecord?: boolean;
  readonly facts: Partial<Record<FactName, FactSource>>;
}

/** A relation the record states: `from` has `kind` = `to` (the inverse is implied). */
export interface RelationEffect {
  readonly from: RoleName;
  readonly kind: 'mother' | 'father' | 'spouse' | 'adopter';
  readonly to: RoleName;
  /** The field dating the relation's start (a marriage) or end (a divorce). */
  readonly dateField?: string;
  /** A divorce ends the spouse relation instead of starting one. */
  readonly ends?: boolean;
}

export interface RegistryEffect {
  readonly roles: readonly RoleEffect[];
  readonly relations?: readonly RelationEffect[];
}

const identity = { id_number: 'id_number', name: 'name', sex: 'sex', birth_date: 'birth_date' } as const;
const subject = (facts: RoleEffect['facts']): RoleEffect => ({ role: 'subject', idField: 'id_number', facts: { id_number: 'id_number', ...facts } });
const parents = (child: RoleName): RelationEffect[] => [
  { from: child, kind: 'mother', to: 'mother' },
  { from: child, kind: 'father', to: 'father' },
];
const parentRoles = (motherName?: string): RoleEffect[] => [
  { role: 'mother', idField: 'mother_id_number', nameField: motherName, sexField: '=2', facts: { id_number: 'mother_id_number', sex: '=2', ...(motherName ? { name: motherName } : {}) } },
  { role: 'father', idField: 'father_id_number', sexField: '=1', facts: { id_number: 'father_id_number', sex: '=1' } },
];

export const REGISTRY_EFFECTS: Readonly<Record<string, RegistryEffect>> = {
  hukou_birth: {
    roles: [
      { role: 'child', idField: 'id_number', nameField: 'name', sexField: 'sex', birthDateField: 'birth_date', parentRole: 'mother', createWithoutId: true, onePerRecord: true,
        facts: { ...identity, ethnicity: 'ethnicity', hukou_division: 'division', hukou_in_on: 'registered_on', address: 'address', household_number: 'household_number' } },
      ...parentRoles(),
    ],
    relations: parents('child'),
  },
  hukou_move_in: {
    roles: [subject({ ...identity, ethnicity: 'ethnicity', hukou_division: 'division', hukou_in_on: 'moved_on', address: 'address', household_number: 'household_number' })],
  },
  hukou_move_out: { roles: [subject({ hukou_out_on: 'moved_on', hukou_out_to: 'to_division' })] },
  hukou_death: { roles: [subject({ died_on: 'died_on' })] },
  hukou_register: {
    roles: [
      subject({ ...identity, ethnicity: 'ethnicity', hukou_division: 'division', hukou_in_on: 'registered_on', address: 'address', marital_status: 'marital_status', household_number: 'household_number' }),
      ...parentRoles(),
      { role: 'spouse', idField: 'spouse_id_number', facts: { id_number: 'spouse_id_number' } },
    ],
    relations: [...parents('subject'), { from: 'subject', kind: 'spouse', to: 'spouse' }],
  },
  residence_permit: {
    roles: [subject({ ...identity, ethnicity: 'ethnicity', residence_division: 'division', residence_permit_from: 'valid_from', residence_permit_to: 'valid_to', hukou_division: 'hukou_division', address: 'address', marital_status: 'marital_status' })],
  },
  birth: {
    roles: [
      { role: 'mother', idField: 'mother_id_number', nameField: 'mother_name', sexField: '=2', facts: { id_number: 'mother_id_number', name: 'mother_name', sex: '=2', gave_birth_on: 'birth_date' } },
      { role: 'father', idField: 'father_id_number', nameField: 'father_name', sexField: '=1', facts: { id_number: 'father_id_number', name: 'father_name', sex: '=1' } },
      { role: 'child', nameField: 'child_name', sexField: 'child_sex', birthDateField: 'birth_date', parentRole: 'mother', createWithoutId: true, onePerRecord: true,
        facts: { name: 'child_name', sex: 'child_sex', birth_date: 'birth_date', residence_division: 'division' } },
    ],
    relations: parents('child'),
  },
  birth_certificate: {
    roles: [
      { role: 'mother', idField: 'mother_id_number', nameField: 'mother_name', sexField: '=2', facts: { id_number: 'mother_id_number', name: 'mother_name', sex: '=2' } },
      { role: 'father', idField: 'father_id_number', nameField: 'father_name', sexField: '=1', facts: { id_number: 'father_id_number', name: 'father_name', sex: '=1' } },
      { role: 'child', nameField: 'child_name', sexField: 'child_sex', birthDateField: 'birth_date', parentRole: 'mother', createWithoutId: true, onePerRecord: true,
        facts: { name: 'child_name', sex: 'child_sex', birth_date: 'birth_date' } },
    ],
    relations: parents('child'),
  },
  pregnancy_termination: { roles: [subject({ sex: '=2', pregnancy_terminated_on: 'terminated_on' })] },
  vaccination: {
    roles: [
      { role: 'mother', idField: 'mother_id_number', sexField: '=2', facts: { id_number: 'mother_id_number', sex: '=2' } },
      { role: 'child', idField: 'child_id_number', sexField: 'child_sex', birthDateField: 'child_birth_date', parentRole: 'mother', createWithoutId: true,
        facts: { id_number: 'child_id_number', sex: 'child_sex', birth_date: 'child_birth_date' } },
    ],
    relations: [{ from: 'child', kind: 'mother', to: 'mother' }],
  },
  delivery_booking: { roles: [subject({ sex: '=2', expected_delivery_on: 'expected_delivery_on' })] },
  marriage: {
    roles: [
      { role: 'husband', idField: 'husband_id_number', nameField: 'husband_name', sexField: '=1', facts: { id_number: 'husband_id_number', name: 'husband_name', sex: '=1', married_on: 'registered_on', marital_status: '=20' } },
      { role: 'wife', idField: 'wife_id_number', nameField: 'wife_name', sexField: '=2', facts: { id_number: 'wife_id_number', name: 'wife_name', sex: '=2', married_on: 'registered_on', marital_status: '=20' } },
    ],
    relations: [{ from: 'wife', kind: 'spouse', to: 'husband', dateField: 'registered_on' }],
  },
  divorce: {
    roles: [
      { role: 'husband', idField: 'husband_id_number', sexField: '=1', facts: { id_number: 'husband_id_number', sex: '=1', divorced_on: 'registered_on', marital_status: '=40' } },
      { role: 'wife', idField: 'wife_id_number', sexField: '=2', facts: { id_number: 'wife_id_number', sex: '=2', divorced_on: 'registered_on', marital_status: '=40' } },
    ],
    relations: [{ from: 'wife', kind: 'spouse', to: 'husband', dateField: 'registered_on', ends: true }],
  },
  adoption: {
    roles: [
      { role: 'adopter', idField: 'adopter_id_number', facts: { id_number: 'adopter_id_number' } },
      { role: 'adopter_spouse', idField: 'adopter_spouse_id_number', facts: { id_number: 'adopter_spouse_id_number' } },
      { role: 'child', idField: 'child_id_number', nameField: 'child_name', sexField: 'child_sex', birthDateField: 'child_birth_date', createWithoutId: true, onePerRecord: true,
        facts: { id_number: 'child_id_number', name: 'child_name', sex: 'child_sex', birth_date: 'child_birth_date' } },
    ],
    relations: [
      { from: 'child', kind: 'adopter', to: 'adopter', dateField: 'registered_on' },
      { from: 'child', kind: 'adopter', to: 'adopter_spouse', dateField: 'registered_on' },
    ],
  },
  only_child_insurance: { roles: [subject({ only_child_insurance: 'status' })] },
  two_daughter_pension: { roles: [subject({ two_daughter_pension: 'status' })] },
  unemployment_registration: { roles: [subject({ marital_status: 'marital_status', reported_sons: 'sons', reported_daughters: 'daughters' })] },
  employment_record: { roles: [subject({ marital_status: 'marital_status', reported_sons: 'sons', reported_daughters: 'daughters' })] },
  labor_migration: { roles: [subject({ name: 'name' })] },
  business_license: { roles: [subject({ name: 'name', business_license: 'credit_code', address: 'address' })] },
  enterprise_registration: { roles: [{ role: 'legal_rep', idField: 'legal_rep_id_number', facts: { id_number: 'legal_rep_id_number' } }] },
  enterprise_deregistration: { roles: [] },
  contraception: { roles: [subject({ contraception_method: 'method', contraception_on: 'performed_on' })] },
  contraception_followup: { roles: [subject({})] },
  prepregnancy_checkup: {
    roles: [subject({}), { role: 'spouse', idField: 'spouse_id_number', facts: { id_number: 'spouse_id_number' } }],
  },
  woman_profile: {
    roles: [
      subject({ name: 'name', birth_date: 'birth_date', sex: '=2', ethnicity: 'ethnicity', marital_status: 'marital_status', residence_division: 'division', hukou_division: 'hukou_division',
        address: 'address', reported_sons: 'sons', reported_daughters: 'daughters', contraception_method: 'contraception_method' }),
      { role: 'spouse', idField: 'spouse_id_number', facts: { id_number: 'spouse_id_number' } },
    ],
    relations: [{ from: 'subject', kind: 'spouse', to: 'spouse' }],
  },
  pregnancy: { roles: [subject({ sex: '=2', pregnancy_registered_on: 'registered_on', expected_delivery_on: 'expected_delivery_on' })] },
  birth_service_registration: {
    roles: [
      { role: 'husband', idField: 'husband_id_number', sexField: '=1', facts: { id_number: 'husband_id_number', sex: '=1' } },
      { role: 'wife', idField: 'wife_id_number', sexField: '=2', facts: { id_number: 'wife_id_number', sex: '=2', birth_service_registered_on: 'registered_on' } },
    ],
  },
  birth_permit: {
    roles: [
      { role: 'husband', idField: 'husband_id_number', sexField: '=1', facts: { id_number: 'husband_id_number', sex: '=1' } },
      { role: 'wife', idField: 'wife_id_number', sexField: '=2', facts: { id_number: 'wife_id_number', sex: '=2', birth_permit: 'decision' } },
    ],
  },
};

/** The registry effect of an event type (every catalog type has one; a test checks). */
export function registryEffectOf(type: string): RegistryEffect | undefined {
  return REGISTRY_EFFECTS[type];
}
