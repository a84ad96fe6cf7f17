/** Registry fields an agreement may share (mirrors PERSON_FIELDS in src/sharing/agreements/agreement.ts). */
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

/** The registry field a hospital's due list needs in its agreement. */
export const DUE_DATE_FIELD: PersonField = 'expected_delivery_on';
