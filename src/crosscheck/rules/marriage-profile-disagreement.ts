import { addDays, ageOn, evidenceOf, type CrosscheckRule, type PersonRecordView } from './crosscheck-rule.js';
import { MARITAL_LABELS, maritalClass } from './marital-status.js';

const GRACE_DAYS = 90;
const PROFILERS = new Set(['town', 'village']);
const REGISTRATIONS = new Set(['marriage', 'divorce']);
/** The police's own registers of a person, whose marital status the reverse check trusts. */
const POLICE_REGISTERS = new Set(['hukou_register', 'residence_permit']);

const latest = (records: readonly PersonRecordView[]) =>
  [...records].sort((a, b) => (a.eventDate! < b.eventDate! ? -1 : a.eventDate! > b.eventDate! ? 1 : a.seq - b.seq)).at(-1);

/**
 * 婚姻登记与育龄妇女信息不符: the marriage registry registered a woman's marriage or divorce, and
 * 90 days on the town's latest woman profile of her still states another marital status (a
 * profile dated after a marriage may say widowed: the registry does not register deaths), or,
 * dated before the marriage, still names another husband; or,
 * the reverse, the town profiles as married a woman the police register as never married and
 * of whom the marriage registry has no marriage. Judged for women of childbearing age (15–49 at
 * the end of the grace period), alive and not moved out; a woman without any profile is
 * woman_profile_missing's. The town keeping the profile checks with her.
 */
export const marriageProfileDisagreement: CrosscheckRule = {
  id: 'marriage_profile_disagreement',
  version: 1,
  description: {
    zh: '民政婚姻（离婚）登记 90 天后，镇街育龄妇女信息的婚姻状况仍与之不符；或育龄妇女信息登记已婚，而公安登记未婚且无结婚登记',
    en: "A marriage or divorce registered by the marriage registry that the town's woman profile still contradicts 90 days later, or a profile saying married of a woman the police register as never married with no marriage registration",
  },
  severity: 'medium',
  sources: ['marriage', 'divorce', 'woman_profile', 'hukou_register', 'residence_permit'],
  graceDays: GRACE_DAYS,
  dueDays: 30,
  responsible: 'managing_town',
  autoClose: {
    zh: '镇街报送与婚姻登记一致的育龄妇女信息（或民政更正登记）后自动关闭',
    en: 'Closes when the town reports a profile that agrees with the registration (or the registry corrects it)',
  },
  check(person, asOf) {
    if (person.diedOn !== null || person.population === 'moved_out' || person.population === 'dead') return null;
    const dated = person.records.filter((r) => r.eventDate !== null);
    const profile = latest(dated.filter((r) => r.type === 'woman_profile' && r.role === 'subject' && PROFILERS.has(r.orgType)));
    if (!profile) return null;
    const stated = maritalClass(profile.field('marital_status'));
    if (stated === null) return null;
    const registration = latest(dated.filter((r) => REGISTRATIONS.has(r.type) && r.role === 'wife' && r.orgType === 'civil'));
    const birthDate = person.birthDate;
    if (registration) {
      const settled = addDays(registration.eventDate!, GRACE_DAYS);
      const age = ageOn(birthDate, settled);
      if (settled >= asOf || age === null || age < 15 || age > 49) return null;
      const registered = registration.type === 'marriage' ? 'married' : 'divorced';
      const husband = registration.field('husband_id_number');
      const profiledSpouse = profile.field('spouse_id_number');
      if (stated === registered && registered === 'married' && typeof profiledSpouse === 'string' && profiledSpouse !== '' && profiledSpouse !== husband && profile.eventDate! < registration.eventDate!) {
        // Remarried (after a death the marriage registry never hears of): the profile still names the former husband.
        return {
          summary: {
            en: `marriage registered ${registration.eventDate}; ${profile.orgCode} profile of ${profile.eventDate} still names another husband`,
            zh: `${registration.eventDate} 民政结婚登记，${profile.orgCode} ${profile.eventDate} 的育龄妇女信息仍登记原配偶`,
          },
          entries: [evidenceOf(registration, ['registered_on', 'certificate_number', 'husband_id_number']), evidenceOf(profile, ['recorded_on', 'marital_status', 'spouse_id_number', 'division'])],
        };
      }
      if (stated === registered) return null;
      if (registered === 'married' && stated === 'widowed' && profile.eventDate! > registration.eventDate!) return null;
      return {
        summary: {
          en: `${registration.type} registered ${registration.eventDate}; ${profile.orgCode} profile of ${profile.eventDate} says ${MARITAL_LABELS[stated].en}`,
          zh: `${registration.eventDate} 民政${registration.type === 'marriage' ? '结婚' : '离婚'}登记，${profile.orgCode} ${profile.eventDate} 的育龄妇女信息仍为${MARITAL_LABELS[stated].zh}`,
        },
        entries: [evidenceOf(registration, ['registered_on', 'certificate_number']), evidenceOf(profile, ['recorded_on', 'marital_status', 'division'])],
      };
    }
    if (stated !== 'married') return null;
    const police = latest(dated.filter((r) => POLICE_REGISTERS.has(r.type) && r.role === 'subject' && r.orgType === 'police' && r.field('marital_status') !== undefined));
    if (!police || maritalClass(police.field('marital_status')) !== 'single' || police.eventDate! > profile.eventDate!) return null;
    const age = ageOn(birthDate, asOf);
    if (addDays(profile.eventDate!, GRACE_DAYS) >= asOf || age === null || age < 15 || age > 49) return null;
    return {
      summary: {
        en: `${profile.orgCode} profile of ${profile.eventDate} says married; the police register her unmarried and no marriage is registered`,
        zh: `${profile.orgCode} ${profile.eventDate} 的育龄妇女信息为已婚，公安登记为未婚且无结婚登记`,
      },
      entries: [evidenceOf(police, ['registered_on', 'valid_from', 'marital_status']), evidenceOf(profile, ['recorded_on', 'marital_status', 'division'])],
    };
  },
};
