import { addDays, evidenceOf, type CrosscheckRule } from './crosscheck-rule.js';

const GRACE_DAYS = 30;
const HEALTH_SOURCES = new Set(['health', 'mch']);
const BIRTH_RECORDS = new Set(['birth', 'birth_certificate']);

/**
 * 落户无出生医学记录: the police registered a newborn (hukou_birth), and 30 days on no hospital,
 * health bureau or service station has reported the birth or a birth certificate for the child.
 * A registration without a birth on record may be false (虚报落户) or the health data is missing;
 * the town of the child's household checks with the family.
 */
export const newbornWithoutBirthRecord: CrosscheckRule = {
  id: 'newborn_without_birth_record',
  version: 1,
  description: {
    zh: '新生儿已入户，30 天后仍无任何卫生来源的出生报告或出生医学证明',
    en: 'A newborn registered in a household (hukou_birth) with no birth record or birth certificate from any health source after 30 days',
  },
  severity: 'high',
  sources: ['hukou_birth', 'birth', 'birth_certificate'],
  graceDays: GRACE_DAYS,
  dueDays: 30,
  responsible: 'managing_town',
  autoClose: {
    zh: '医院或服务站报送该儿童的出生或出生医学证明后自动关闭',
    en: 'Closes when a hospital or the service station reports the birth or the birth certificate',
  },
  check(person, asOf) {
    if (person.records.some((r) => r.role === 'child' && BIRTH_RECORDS.has(r.type) && HEALTH_SOURCES.has(r.orgType)))
      return null;
    const registrations = person.records.filter(
      (r) =>
        r.type === 'hukou_birth' &&
        r.role === 'child' &&
        r.eventDate !== null &&
        addDays(r.eventDate, GRACE_DAYS) < asOf,
    );
    if (registrations.length === 0) return null;
    const first = registrations[0]!;
    return {
      summary: {
        en: `registered ${first.eventDate} by ${first.orgCode}; no birth or birth certificate from a health source after ${GRACE_DAYS} days`,
        zh: `${first.eventDate} 由 ${first.orgCode} 入户，${GRACE_DAYS} 天后仍无卫生部门的出生报告或出生医学证明`,
      },
      entries: registrations.map((r) =>
        evidenceOf(r, [
          'registered_on',
          'birth_date',
          'name',
          'sex',
          'division',
          'birth_certificate_number',
          'mother_id_number',
        ]),
      ),
    };
  },
};
