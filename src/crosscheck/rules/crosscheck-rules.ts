import { birthWithoutHukou } from './birth-without-hukou.js';
import { businessWithoutPermit } from './business-without-permit.js';
import type { CrosscheckRule } from './crosscheck-rule.js';
import { deadPersonActive } from './dead-person-active.js';
import { identityDisagreement } from './identity-disagreement.js';
import { movedOutStillReported } from './moved-out-still-reported.js';
import { newbornWithoutBirthRecord } from './newborn-without-birth-record.js';
import { pregnancyOverdue } from './pregnancy-overdue.js';

/** Every cross-verification rule in force, in the order the rules page lists them. */
export const CROSSCHECK_RULES: readonly CrosscheckRule[] = [
  birthWithoutHukou,
  newbornWithoutBirthRecord,
  deadPersonActive,
  pregnancyOverdue,
  identityDisagreement,
  movedOutStillReported,
  businessWithoutPermit,
];

export function findRule(id: string): CrosscheckRule | undefined {
  return CROSSCHECK_RULES.find((rule) => rule.id === id);
}
