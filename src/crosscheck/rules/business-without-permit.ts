import { addDays, evidenceOf, type CrosscheckRule } from './crosscheck-rule.js';

const GRACE_DAYS = 30;

/**
 * 流动人口有照无证: a person registered elsewhere (not a district hukou, not dead) holds a business
 * licence issued here more than 30 days ago, and no residence permit is valid today. A migrant
 * known only from the licence has no managing division in the registry: the case goes to the
 * town of the business premises.
 */
export const businessWithoutPermit: CrosscheckRule = {
  id: 'business_without_permit',
  version: 1,
  description: {
    zh: '流动人口在本区办理营业执照，30 天后仍无有效居住证',
    en: 'A floating person with a business licence here but no valid residence permit 30 days after it was issued',
  },
  severity: 'medium',
  sources: ['business_license', 'residence_permit'],
  graceDays: GRACE_DAYS,
  dueDays: 30,
  responsible: 'managing_town',
  autoClose: { zh: '公安报送有效居住证后自动关闭', en: 'Closes when the police report a valid residence permit' },
  check(person, asOf) {
    // The registry's flags say whether the golden record holds a licence: most persons stop here, before it is parsed.
    if (person.flags.businessLicense === undefined || person.population === 'registered' || person.diedOn !== null) return null;
    const licence = person.golden.business_license;
    if (!licence) return null;
    if (addDays(licence.on, GRACE_DAYS) >= asOf) return null;
    const permitTo = person.golden.residence_permit_to?.v ?? null;
    if (person.golden.residence_permit_from && (permitTo === null || permitTo >= asOf)) return null;
    const records = person.records.filter((r) => r.seq === licence.seq);
    const premises = records[0]?.field('division');
    const expired = person.golden.residence_permit_from
      ? person.records.filter((r) => r.seq === person.golden.residence_permit_from!.seq)
      : [];
    return {
      summary: {
        en: `business licence ${licence.v} issued ${licence.on}; ${permitTo ? `residence permit expired ${permitTo}` : 'no residence permit'}`,
        zh: `${licence.on} 领取营业执照 ${licence.v}，${permitTo ? `居住证已于 ${permitTo} 过期` : '无居住证'}`,
      },
      entries: [
        ...records.map((r) => evidenceOf(r, ['credit_code', 'issued_on', 'business_name', 'division'])),
        ...expired.map((r) => evidenceOf(r, ['permit_number', 'valid_from', 'valid_to', 'division'])),
      ],
      ...(typeof premises === 'string' ? { divisionCode: premises } : {}),
    };
  },
};
