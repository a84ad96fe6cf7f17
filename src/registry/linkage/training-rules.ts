import type { PreparedRecord } from './prepare-record.js';

/** A blocking rule used only for training: pairs sharing `key`, estimating m for the comparisons it does not block. */
export interface TrainingRule {
  name: string;
  /** Comparisons whose levels the rule fixes (their m cannot be learnt from these pairs). */
  blocks: readonly string[];
  key: (record: PreparedRecord) => string | undefined;
}

/** The round robin of EM sessions: each comparison is estimated by the sessions that do not block on it. */
export const TRAINING_RULES: readonly TrainingRule[] = [
  { name: 'id_number', blocks: ['id_number'], key: (r) => r.idNumber },
  { name: 'birth_date', blocks: ['birth_date'], key: (r) => r.birthDate },
  {
    name: 'name',
    blocks: ['name', 'surname', 'given_name'],
    key: (r) => r.fullName?.sound || undefined,
  },
  { name: 'postcode', blocks: ['postcode'], key: (r) => r.postcode },
];
