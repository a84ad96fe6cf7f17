import { birthOrderDisagreement } from './birth-order-disagreement.js';
import { birthWithoutHukou } from './birth-without-hukou.js';
import { businessWithoutPermit } from './business-without-permit.js';
import type { CrosscheckRule } from './crosscheck-rule.js';
import { deadPersonActive } from './dead-person-active.js';
import { identityDisagreement } from './identity-disagreement.js';
import { marriageProfileDisagreement } from './marriage-profile-disagreement.js';
import { movedOutStillReported } from './moved-out-still-reported.js';
import { nameDisagreement } from './name-disagreement.js';
import { newbornWithoutBirthRecord } from './newborn-without-birth-record.js';
import { onlyChildWithSibling } from './only-child-with-sibling.js';
import { pregnancyOverdue } from './pregnancy-overdue.js';
import { womanProfileMissing } from './woman-profile-missing.js';

/** Every cross-verification rule in force, in the order the rules page lists them. */
export const CROSSCHECK_RULES: readonly CrosscheckRule[] = [
  birthWithoutHukou,
  newbornWithoutBirthRecord,
  deadPersonActive,
  pregnancyOverdue,
  identityDisagreement,
  nameDisagreement,
  marriageProfileDisagreement,
  womanProfileMissing,
  birthOrderDisagreement,
  movedOutStillReported,
  businessWithoutPermit,
  onlyChildWithSibling,
];

export function findRule(id: string): CrosscheckRule | undefined {
  return CROSSCHECK_RULES.find((rule) => rule.id === id);
}
