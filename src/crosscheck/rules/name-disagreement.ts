import { compareNames } from '../../registry/linkage/comparison-levels.js';
import { prepareRecord, type PreparedName } from '../../registry/linkage/prepare-record.js';
import { evidenceOf, type CrosscheckRule, type PersonRecordView } from './crosscheck-rule.js';
import { claimOf, claimsDiffer } from './identity-disagreement.js';

/**
 * The name comparison level (comparison-levels.ts: 0 same characters, 1 same pinyin —
 * homophones, traditional and simplified forms, placeholders —, 2 same fuzzy pinyin, 3 very
 * similar) up to which two names are the same name as linkage tolerates it; beyond it they are
 * different names.
 */
const TOLERATED_LEVEL = 3;

function prepared(name: string): PreparedName | undefined {
  return prepareRecord({ id: '', name }).fullName;
}

/** Whether two names are different names, beyond what linkage tolerates as one name written two ways. */
export function namesDisagree(a: string, b: string): boolean {
  const pa = prepared(a);
  const pb = prepared(b);
  if (!pa || !pb) return false;
  return compareNames(pa, pb) > TOLERATED_LEVEL;
}

/**
 * 姓名不一致: the sources linked to one person give different names — not a homophone, a
 * traditional or simplified form, a fuzzy-pinyin spelling or a near-identical name, which the
 * registry's linkage treats as the same name, but a different one. The department whose name
 * differs from the registry's golden record (police first) checks its record.
 */
export const nameDisagreement: CrosscheckRule = {
  id: 'name_disagreement',
  version: 1,
  description: {
    zh: '不同来源登记的同一人姓名不一致（同音字、繁简体、近似写法除外）',
    en: "Sources disagree on a person's name beyond linkage tolerance (homophones, traditional and simplified forms and near-identical spellings aside)",
  },
  severity: 'medium',
  sources: ['*'],
  graceDays: 0,
  dueDays: 30,
  responsible: 'suspect_department',
  autoClose: { zh: '各来源姓名一致（更正记录）后自动关闭', en: 'Closes when the sources agree on the name (a record is corrected)' },
  check(person) {
    if (!claimsDiffer(person.records, 'name')) return null;
    const claims = person.records
      .map((record) => ({ record, name: claimOf(record, 'name') }))
      .filter((c): c is { record: PersonRecordView; name: string } => c.name !== null);
    const names = [...new Set(claims.map((c) => c.name))];
    if (names.length < 2) return null;
    const golden = person.golden.name?.v ?? names[0]!;
    const differing = new Set(names.filter((n) => n !== golden && namesDisagree(n, golden)));
    if (differing.size === 0) {
      // The golden name agrees with every other: two others may still disagree with each other only through it — not a contradiction.
      return null;
    }
    const involved = claims.filter((c) => c.name === golden || differing.has(c.name));
    const suspects = claims.filter((c) => differing.has(c.name));
    const shown = [golden, ...differing];
    return {
      summary: { en: `name: ${shown.join(' / ')}`, zh: `姓名：${shown.join(' / ')}` },
      entries: involved.map((c) => ({ ...evidenceOf(c.record, []), fields: { name: c.name } })),
      suspectOrgCode: suspects[0]?.record.orgCode,
    };
  },
};
