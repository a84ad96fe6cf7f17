import { distinctChildren, evidenceOf, type ChildView, type CrosscheckRule, type PersonRecordView } from './crosscheck-rule.js';

const BIRTH_REPORTERS = new Set(['health', 'mch', 'town', 'village']);
/** Police registers that link a registered woman's children to her (a move-in does not). */
const FAMILY_REGISTERS = new Set(['hukou_register', 'hukou_birth']);

/** The birth orders the registry's children allow for a birth on `date`: after every older child, among those born that day. */
function allowedOrders(children: readonly ChildView[], date: string): { low: number; high: number } {
  const before = children.filter((c) => c.birthDate !== null && c.birthDate < date).length;
  const same = children.filter((c) => c.birthDate === date).length;
  return { low: before + 1, high: before + Math.max(same, 1) };
}

/**
 * 孩次不符: a birth report states a birth order (the mother's nth live birth) that the children
 * the registry knows for the mother contradict — more or fewer older children than the report
 * implies. Judged for mothers registered in the district through the police household register
 * (which links a woman's children to her); the registry does not know the earlier children of
 * floating or newly moved-in mothers. The reporting hospital or station checks its record.
 */
export const birthOrderDisagreement: CrosscheckRule = {
  id: 'birth_order_disagreement',
  version: 1,
  description: {
    zh: '出生报告的孩次与登记库中该母亲已知的子女不符',
    en: 'A birth whose recorded birth order disagrees with the children the registry knows for the mother',
  },
  severity: 'medium',
  sources: ['birth', 'hukou_register', 'hukou_birth'],
  graceDays: 0,
  dueDays: 30,
  responsible: 'suspect_department',
  autoClose: { zh: '报告单位更正孩次（或更正子女登记）后自动关闭', en: 'Closes when the reporter corrects the birth order (or the children are corrected)' },
  check(person) {
    if (person.population !== 'registered') return null;
    if (!person.records.some((r) => FAMILY_REGISTERS.has(r.type) && r.orgType === 'police' && (r.role === 'subject' || r.role === 'child'))) return null;
    const children = distinctChildren(person.children);
    const wrong: { record: PersonRecordView; order: number; low: number; high: number }[] = [];
    for (const record of person.records) {
      if (record.type !== 'birth' || record.role !== 'mother' || !BIRTH_REPORTERS.has(record.orgType)) continue;
      const order = Number(record.field('birth_order'));
      const stated = record.field('birth_date');
      const date = typeof stated === 'string' ? stated : record.eventDate;
      if (!Number.isInteger(order) || order < 1 || !date) continue;
      const { low, high } = allowedOrders(children, date);
      if (order < low || order > high) wrong.push({ record, order, low, high });
    }
    if (wrong.length === 0) return null;
    const expected = (w: (typeof wrong)[number]) => (w.low === w.high ? String(w.low) : `${w.low}–${w.high}`);
    return {
      summary: {
        en: wrong.map((w) => `${w.record.orgCode} birth of ${w.record.eventDate}: order ${w.order}, the registry's children make it ${expected(w)}`).join('; '),
        zh: wrong.map((w) => `${w.record.orgCode} ${w.record.eventDate} 出生报告孩次为 ${w.order}，登记库子女推算为 ${expected(w)}`).join('；'),
      },
      entries: wrong.map((w) => evidenceOf(w.record, ['birth_date', 'child_sex', 'child_name', 'birth_order', 'birth_certificate_number'])),
      suspectOrgCode: wrong[0]!.record.orgCode,
    };
  },
};
