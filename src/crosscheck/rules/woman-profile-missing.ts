import { addDays, ageOn, evidenceOf, type CrosscheckRule } from './crosscheck-rule.js';
import { maritalClass } from './marital-status.js';

const GRACE_DAYS = 90;
const PROFILERS = new Set(['town', 'village']);

/**
 * 育龄妇女漏报: the registry knows a married woman of childbearing age (15–49) who lives in the
 * district — registered here, or floating with a valid residence permit — and no town or village
 * has profiled her 90 days after she married or came (the date of the record that made her
 * married, of her registration or of her permit, whichever is latest). The town of her managing
 * division adds her to its woman profiles.
 */
export const womanProfileMissing: CrosscheckRule = {
  id: 'woman_profile_missing',
  version: 1,
  description: {
    zh: '本区居住的已婚育龄妇女（15–49 岁），结婚或迁入 90 天后镇街育龄妇女信息中仍无此人',
    en: "A married woman of childbearing age (15–49) the registry knows lives in the district, missing from the towns' woman profiles 90 days after she married or came",
  },
  severity: 'medium',
  sources: ['woman_profile', 'marriage', 'hukou_register', 'hukou_move_in', 'residence_permit'],
  graceDays: GRACE_DAYS,
  dueDays: 30,
  responsible: 'managing_town',
  autoClose: { zh: '镇街报送该妇女的育龄妇女信息后自动关闭', en: 'Closes when the town reports her woman profile' },
  check(person, asOf) {
    const g = person.golden;
    if (person.diedOn !== null || person.managingDivision === null || g.sex?.v !== '2') return null;
    if (person.records.some((r) => r.type === 'woman_profile' && r.role === 'subject' && PROFILERS.has(r.orgType))) return null;
    const status = g.marital_status;
    if (!status || maritalClass(status.v) !== 'married') return null;
    const age = ageOn(g.birth_date?.v, asOf);
    if (age === null || age < 15 || age > 49) return null;
    let since = status.on;
    if (person.population === 'registered') {
      if (g.hukou_division && g.hukou_division.on > since) since = g.hukou_division.on;
    } else if (person.population === 'floating') {
      const from = g.residence_permit_from;
      const to = g.residence_permit_to?.v ?? null;
      if (!from || (to !== null && to < asOf)) return null;
      if (from.on > since) since = from.on;
    } else return null;
    if (addDays(since, GRACE_DAYS) >= asOf) return null;
    const basis = person.records.filter((r) => r.seq === status.seq || r.seq === g.hukou_division?.seq || r.seq === g.residence_permit_from?.seq);
    return {
      summary: {
        en: `married (${status.type} of ${status.on}), aged ${age}, living in ${person.managingDivision}; no woman profile from any town`,
        zh: `已婚（${status.on} ${status.type}），${age} 岁，居住在 ${person.managingDivision}，镇街育龄妇女信息中无此人`,
      },
      entries: basis.map((r) => evidenceOf(r, ['registered_on', 'moved_on', 'valid_from', 'valid_to', 'marital_status', 'division'])),
    };
  },
};
