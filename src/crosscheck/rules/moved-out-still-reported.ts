import { evidenceOf, type CrosscheckRule } from './crosscheck-rule.js';

const PROFILERS = new Set(['town', 'village']);

/**
 * 迁出仍在册: the police moved the person's household registration out of the district (and she
 * neither moved back nor holds a residence permit here), yet a town or village reports her as
 * living in the district in a woman profile dated after the move. The town that keeps the
 * profile checks whether she still lives there.
 */
export const movedOutStillReported: CrosscheckRule = {
  id: 'moved_out_still_reported',
  version: 1,
  description: {
    zh: '户口已迁出本区，镇街在迁出之后的育龄妇女信息中仍报告其在本区居住',
    en: 'Household registration moved out of the district while the town reports the person as resident in a woman profile dated after the move',
  },
  severity: 'medium',
  sources: ['hukou_move_out', 'woman_profile'],
  graceDays: 0,
  dueDays: 30,
  responsible: 'managing_town',
  autoClose: {
    zh: '镇街注销或更正该育龄妇女信息（或公安报送迁回、办理居住证）后自动关闭',
    en: 'Closes when the town cancels or corrects the profile (or the person moves back or gets a residence permit)',
  },
  check(person) {
    if (person.population !== 'moved_out') return null;
    const out = person.golden.hukou_out_on;
    if (!out) return null;
    const movedOn = out.v;
    const profiles = person.records.filter(
      (r) =>
        r.type === 'woman_profile' &&
        r.role === 'subject' &&
        PROFILERS.has(r.orgType) &&
        r.eventDate !== null &&
        r.eventDate > movedOn,
    );
    if (profiles.length === 0) return null;
    const moves = person.records.filter((r) => r.seq === out.seq);
    const latest = profiles.at(-1)!;
    return {
      summary: {
        en: `moved out ${movedOn}; ${latest.orgCode} profile of ${latest.eventDate} still places her in ${String(latest.payload.division ?? '?')}`,
        zh: `${movedOn} 户口迁出，${latest.orgCode} ${latest.eventDate} 的育龄妇女信息仍登记在 ${String(latest.payload.division ?? '?')} 居住`,
      },
      entries: [
        ...moves.map((r) => evidenceOf(r, ['moved_on', 'to_division', 'reason'])),
        ...profiles.map((r) => evidenceOf(r, ['recorded_on', 'division', 'marital_status', 'address'])),
      ],
    };
  },
};
