/** Cross-verification (互核): rules that compare the sources, and cases worked to closure. */
export { crosscheckCapability } from './crosscheck-capability.js';
export { runCrosscheck, type CrosscheckRunOptions, type CrosscheckRunResult } from './run/run-crosscheck.js';
export { CROSSCHECK_RULES, findRule } from './rules/crosscheck-rules.js';
export type { CrosscheckRule, Finding, PersonView } from './rules/crosscheck-rule.js';
export { crosscheckFollower, evaluatePending, evaluatePersons } from './run/evaluate-persons.js';
