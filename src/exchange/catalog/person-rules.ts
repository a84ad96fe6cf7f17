import type { CrossFieldRule } from './event-type.js';

/** Youngest plausible age of a parent at a child's birth; younger means a wrong ID number. */
const PARENT_MIN_AGE_YEARS = 12;
/** Oldest mother accepted without a review flag. */
const MOTHER_REVIEW_AGE_YEARS = 60;
/** Youngest age at which a pregnancy is taken as possible; younger means a wrong ID number. */
const PREGNANCY_MIN_AGE_YEARS = 10;

/**
 * The checks of a record naming a child's mother and father: each parent old enough at the
 * birth, an unusually old mother flagged, the parents' ID numbers of the expected sex (a warning:
 * a registered change of sex keeps old numbers in circulation) and not the same person.
 */
export function parentRules(fields: { mother: string; father: string; childBirthDate: string }): CrossFieldRule[] {
  const { mother, father, childBirthDate } = fields;
  return [
    { rule: 'age_at', idField: mother, dateField: childBirthDate, min: PARENT_MIN_AGE_YEARS, severity: 'error' },
    { rule: 'age_at', idField: mother, dateField: childBirthDate, max: MOTHER_REVIEW_AGE_YEARS, severity: 'warning' },
    { rule: 'age_at', idField: father, dateField: childBirthDate, min: PARENT_MIN_AGE_YEARS, severity: 'error' },
    { rule: 'id_sex', idField: mother, sex: '2', severity: 'warning' },
    { rule: 'id_sex', idField: father, sex: '1', severity: 'warning' },
    { rule: 'fields_differ', fields: [mother, father], severity: 'error' },
  ];
}

/** The checks of a record about a pregnant (or once pregnant) woman on a given date. */
export function pregnancyRules(fields: { woman: string; date: string }): CrossFieldRule[] {
  return [
    { rule: 'id_sex', idField: fields.woman, sex: '2', severity: 'warning' },
    { rule: 'age_at', idField: fields.woman, dateField: fields.date, min: PREGNANCY_MIN_AGE_YEARS, severity: 'error' },
  ];
}

/** The checks of a record about a married (or marrying) couple: expected sexes, two different people. */
export function coupleRules(fields: { husband: string; wife: string }): CrossFieldRule[] {
  return [
    { rule: 'id_sex', idField: fields.husband, sex: '1', severity: 'warning' },
    { rule: 'id_sex', idField: fields.wife, sex: '2', severity: 'warning' },
    { rule: 'fields_differ', fields: [fields.husband, fields.wife], severity: 'error' },
  ];
}
