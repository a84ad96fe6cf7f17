import { addDays, distinctChildren, evidenceOf, type CrosscheckRule } from './crosscheck-rule.js';

const GRACE_DAYS = 180;

/**
 * 独生子女保险户有二孩: a parent's only-child household insurance (独生子女户两全保险) is still in
 * force, yet the registry knows two or more children of theirs (distinct by birth date and sex),
 * the second born more than 180 days ago — time enough for the insurer to end the policy. The
 * insurer, whose record is suspect, checks the family.
 */
export const onlyChildWithSibling: CrosscheckRule = {
  id: 'only_child_with_sibling',
  version: 1,
  description: {
    zh: '独生子女户两全保险仍在保，而登记库中其父母已有其他子女（二孩出生 180 天后）',
    en: 'Only-child household insurance still in force while the registry knows the parents have other children (180 days after the second was born)',
  },
  severity: 'medium',
  sources: ['only_child_insurance', 'birth', 'hukou_birth', 'hukou_register'],
  graceDays: GRACE_DAYS,
  dueDays: 30,
  responsible: 'suspect_department',
  autoClose: { zh: '劳动保障部门报送保险终止（或更正子女登记）后自动关闭', en: 'Closes when the insurer reports the policy ended (or the children are corrected)' },
  check(person, asOf) {
    // The registry's flag is set while the golden record's policy is in force: most persons stop here, before it is parsed.
    if (person.flags.onlyChildInsurance !== true || person.diedOn !== null || person.children.length < 2) return null;
    const children = distinctChildren(person.children).filter((c) => c.birthDate !== null);
    if (children.length < 2) return null;
    const insurance = person.golden.only_child_insurance;
    if (!insurance || insurance.v === '2') return null;
    const second = children[1]!;
    if (addDays(second.birthDate!, GRACE_DAYS) >= asOf) return null;
    const policy = person.records.filter((r) => r.seq === insurance.seq);
    const births = person.records.filter((r) => r.role === 'mother' || r.role === 'father').filter((r) => r.type === 'birth' || r.type === 'hukou_birth' || r.type === 'birth_certificate');
    return {
      summary: {
        en: `only-child insurance in force (${insurance.org}, ${insurance.on}); ${children.length} children in the registry, born ${children.map((c) => c.birthDate).join(', ')}`,
        zh: `独生子女保险在保（${insurance.org}，${insurance.on}），登记库中有 ${children.length} 个子女，出生于 ${children.map((c) => c.birthDate).join('、')}`,
      },
      entries: [
        ...policy.map((r) => evidenceOf(r, ['enrolled_on', 'status', 'policy_number', 'child_id_number'])),
        ...births.map((r) => evidenceOf(r, ['birth_date', 'child_sex', 'sex', 'child_name', 'name', 'birth_order'])),
      ],
      suspectOrgCode: insurance.org,
    };
  },
};
