import { addDays, evidenceOf, type CrosscheckRule } from './crosscheck-rule.js';

const GRACE_DAYS = 30;

/**
 * 孕情无结果: a pregnancy 30 days past its expected delivery date with no birth or termination
 * recorded. The registry's `expected_delivery_on` is set only while a pregnancy is current (no
 * birth or termination after it was registered) and the woman is alive. Version 2: not for a
 * woman whose registration has moved out of the district.
 */
export const pregnancyOverdue: CrosscheckRule = {
  id: 'pregnancy_overdue',
  version: 2,
  description: {
    zh: '孕情超过预产期 30 天，无出生或终止妊娠记录',
    en: 'A pregnancy past its expected delivery date by 30 days with no birth or termination recorded',
  },
  severity: 'medium',
  sources: ['pregnancy', 'delivery_booking', 'birth', 'pregnancy_termination'],
  graceDays: GRACE_DAYS,
  dueDays: 30,
  responsible: 'managing_town',
  autoClose: { zh: '出生或终止妊娠记录到达后自动关闭', en: 'Closes when a birth or a termination of the pregnancy is recorded' },
  check(person, asOf) {
    const due = person.expectedDeliveryOn;
    // A woman whose registration moved out of the district gives birth where no source here sees it.
    if (!due || addDays(due, GRACE_DAYS) >= asOf || person.population === 'moved_out') return null;
    const seqs = new Set([person.golden.expected_delivery_on?.seq, person.golden.pregnancy_registered_on?.seq]);
    const records = person.records.filter((r) => seqs.has(r.seq));
    return {
      summary: { en: `expected delivery ${due}; no birth or termination recorded`, zh: `预产期 ${due}，无出生或终止妊娠记录` },
      entries: records.map((r) => evidenceOf(r, ['registered_on', 'expected_delivery_on', 'booked_on', 'last_menstrual_on'])),
    };
  },
};
