import { addDays, ageOn, evidenceOf, type CrosscheckRule, type PersonView } from './crosscheck-rule.js';
import { claimOf } from './identity-disagreement.js';
import { maritalClass } from './marital-status.js';

/** The date of the earliest record saying she is married after the last one saying otherwise (a renewal repeating it does not restart the clock). */
function marriedSince(person: PersonView): string | null {
  const claims = person.records
    .map((r) => ({ on: r.eventDate, status: maritalClass(claimOf(r, 'marital_status')) }))
    .filter((c): c is { on: string; status: NonNullable<typeof c.status> } => c.on !== null && c.status !== null)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let since: string | null = null;
  for (const c of claims) {
    if (c.status !== 'married') since = null;
    else since ??= c.on;
  }
  return since;
}

const GRACE_DAYS = 90;
const PROFILERS = new Set(['town', 'village']);

/**
 * 育龄妇女漏报: the registry knows a married woman of childbearing age (15–49) who lives in the
 * district — registered here, or floating with a valid residence permit — and no town or village
 * has profiled her 90 days after she married or came (the date of the record that made her
 * married, of her registration or of her first permit, whichever is latest). The town of her managing
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
    // The golden sex, marital status and birth date as the registry's columns hold them: most persons stop here, before the golden record is parsed.
    if (person.diedOn !== null || person.managingDivision === null || person.sex !== '2' || maritalClass(person.maritalStatus) !== 'married') return null;
    const age = ageOn(person.birthDate, asOf);
    if (age === null || age < 15 || age > 49) return null;
    if (person.records.some((r) => r.type === 'woman_profile' && r.role === 'subject' && PROFILERS.has(r.orgType))) return null;
    const g = person.golden;
    const status = g.marital_status;
    if (!status) return null;
    let since = marriedSince(person) ?? status.on;
    if (person.population === 'registered') {
      if (g.hukou_division && g.hukou_division.on > since) since = g.hukou_division.on;
    } else if (person.population === 'floating') {
      const from = g.residence_permit_from;
      const to = g.residence_permit_to?.v ?? null;
      if (!from || (to !== null && to < asOf)) return null;
      // Known to live here since her first permit (a renewal does not restart the clock).
      const first = person.records.filter((r) => r.type === 'residence_permit' && r.role === 'subject' && r.eventDate !== null).map((r) => r.eventDate!).sort()[0] ?? from.on;
      if (first > since) since = first;
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
