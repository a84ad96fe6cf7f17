import { addDays, evidenceOf, type CrosscheckRule } from './crosscheck-rule.js';

const GRACE_DAYS = 60;
const BIRTH_REPORTERS = new Set(['health', 'mch']);
/** A newborn's household registration; a child registered otherwise is registered all the same. */
const REGISTRATIONS = new Set(['hukou_birth', 'hukou_register']);

/**
 * 出生未落户: a hospital or the service station reported a birth, and 60 days on the police have
 * not registered the child. Expected only of a mother with hukou in the district (a floating
 * mother registers her child at home) and of a child still alive and present.
 */
export const birthWithoutHukou: CrosscheckRule = {
  id: 'birth_without_hukou',
  version: 1,
  description: {
    zh: '医院或计生妇幼服务站报告的出生，60 天内无公安出生户口登记',
    en: 'A birth reported by a hospital or the service station with no household registration (hukou_birth) within 60 days',
  },
  severity: 'high',
  sources: ['birth', 'hukou_birth'],
  graceDays: GRACE_DAYS,
  dueDays: 30,
  responsible: 'managing_town',
  autoClose: { zh: '公安报送该儿童的出生户口登记后自动关闭', en: 'Closes when the police register the child (hukou_birth)' },
  check(person, asOf) {
    if (person.records.some((r) => REGISTRATIONS.has(r.type))) return null;
    if (person.motherPopulation !== 'registered' || person.diedOn !== null || person.population === 'moved_out') return null;
    const births = person.records.filter((r) => r.role === 'child' && r.type === 'birth' && BIRTH_REPORTERS.has(r.orgType) && r.eventDate !== null);
    const overdue = births.filter((r) => addDays(r.eventDate!, GRACE_DAYS) < asOf);
    if (overdue.length === 0) return null;
    const born = overdue[0]!.eventDate!;
    return {
      summary: { en: `born ${born}, reported by ${overdue.map((r) => r.orgCode).join(', ')}; no household registration after ${GRACE_DAYS} days`, zh: `${born} 出生（${overdue.map((r) => r.orgCode).join('、')} 报告），${GRACE_DAYS} 天后仍未登记户口` },
      entries: overdue.map((r) => evidenceOf(r, ['birth_date', 'child_sex', 'child_name', 'division', 'birth_certificate_number'])),
    };
  },
};
