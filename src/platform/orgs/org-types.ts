/** Organisation types of the seed (mission.md), with the labels the UI shows. */
export const ORG_TYPES = {
  bureau: { zh: '区人口计生局', en: 'Population & family planning bureau' },
  police: { zh: '公安', en: 'Police (household registration)' },
  health: { zh: '卫生', en: 'Health (hospitals)' },
  civil: { zh: '民政', en: 'Civil affairs (marriage registry)' },
  labor: { zh: '劳动和社会保障', en: 'Labour & social security' },
  commerce: { zh: '工商', en: 'Commerce (business licensing)' },
  infocenter: { zh: '区政府信息中心', en: 'Government information centre' },
  mch: { zh: '计生妇幼综合服务站', en: 'Maternal & child service station' },
  town: { zh: '镇街', en: 'Town / street' },
  village: { zh: '村居', en: 'Village / community' },
} as const;

export type OrgType = keyof typeof ORG_TYPES;

export function isOrgType(value: string): value is OrgType {
  return Object.hasOwn(ORG_TYPES, value);
}

/** Organisation codes: upper-case letters, digits, `-` and `_`, 2–32 characters. */
export const ORG_CODE_PATTERN = '^[A-Z0-9][A-Z0-9_-]{1,31}$';
