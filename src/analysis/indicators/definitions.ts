/** How each indicator is defined, in the statistics bureau's words (docs: standards-ecosystem §5.1). */
export interface Definition {
  unit: '‰' | '%' | 'persons' | 'events' | 'children per woman' | 'males per 100 females';
  zh: string;
  en: string;
}

const PERSON_TIME_ZH = '（平均人口按人时法：每人在期内居住于本区域的天数之和 ÷ 期内天数）';
const PERSON_TIME_EN = ' (average population by person-time: the days each resident lived in the area within the period ÷ the days of the period)';
const YEARLY_ZH = '；按年折算（12 ÷ 期内月数，非整月时 365 ÷ 天数）';
const YEARLY_EN = '; per year (× 12 ÷ months in the period, or 365 ÷ days for other ranges)';

export const DEFINITIONS: Readonly<Record<string, Definition>> = {
  population: { unit: 'persons', zh: `平均常住人口${PERSON_TIME_ZH}`, en: `Average resident population${PERSON_TIME_EN}` },
  women_15_49: { unit: 'persons', zh: '育龄妇女（15–49 周岁）平均人数，按人时法', en: 'Average number of women aged 15–49 (completed years), by person-time' },
  births: { unit: 'persons', zh: '期内出生、居住在本区域的活产婴儿数', en: 'Live births in the period to the area’s residents' },
  births_male: { unit: 'persons', zh: '男婴出生数', en: 'Male live births' },
  births_female: { unit: 'persons', zh: '女婴出生数', en: 'Female live births' },
  deaths: { unit: 'persons', zh: '期内死亡的本区域居民数', en: 'Deaths of the area’s residents in the period' },
  crude_birth_rate: { unit: '‰', zh: `出生率 = 出生人数 ÷ 平均人口 × 1000${YEARLY_ZH}`, en: `Crude birth rate = births ÷ average population × 1000${YEARLY_EN}` },
  crude_death_rate: { unit: '‰', zh: `死亡率 = 死亡人数 ÷ 平均人口 × 1000${YEARLY_ZH}`, en: `Crude death rate = deaths ÷ average population × 1000${YEARLY_EN}` },
  natural_growth_rate: { unit: '‰', zh: `自然增长率 = (出生人数 − 死亡人数) ÷ 平均人口 × 1000${YEARLY_ZH}`, en: `Natural growth rate = (births − deaths) ÷ average population × 1000${YEARLY_EN}` },
  general_fertility_rate: { unit: '‰', zh: `一般生育率 = 出生人数 ÷ 育龄妇女平均人数 × 1000${YEARLY_ZH}`, en: `General fertility rate = births ÷ average women 15–49 × 1000${YEARLY_EN}` },
  asfr_5y: { unit: '‰', zh: `年龄别生育率 = 该年龄组妇女所生婴儿数 ÷ 该年龄组妇女平均人数 × 1000（母亲年龄为生育当日的周岁）${YEARLY_ZH}`, en: `Age-specific fertility rate = births to women of the age group ÷ average women of the group × 1000 (mother’s age in completed years on the birth date)${YEARLY_EN}` },
  asfr_1y: { unit: '‰', zh: `分单岁年龄别生育率${YEARLY_ZH}`, en: `Age-specific fertility rate by single year of age${YEARLY_EN}` },
  total_fertility_rate: { unit: 'children per woman', zh: '总和生育率 = 5 × Σ 五岁组年龄别生育率 ÷ 1000（平均每个妇女一生生育的孩子数）', en: 'Total fertility rate = 5 × Σ 5-year age-specific rates ÷ 1000 (children a woman would have at the period’s rates)' },
  total_fertility_rate_1y: { unit: 'children per woman', zh: '总和生育率（单岁）= Σ 单岁年龄别生育率 ÷ 1000', en: 'Total fertility rate from single years = Σ single-year rates ÷ 1000' },
  birth_order_shares: { unit: '%', zh: '孩次率 = 该孩次出生数 ÷ 出生总数 × 100（一孩率、二孩率、多孩率；孩次为母亲的第几个活产）', en: 'Birth-order share = births of the order ÷ all births × 100 (order = the mother’s nth live birth)' },
  births_by_age_5y: { unit: 'persons', zh: '分母亲五岁年龄组出生数', en: 'Births by the mother’s 5-year age group' },
  births_by_age_1y: { unit: 'persons', zh: '分母亲单岁年龄出生数', en: 'Births by the mother’s single year of age' },
  contraceptive_users: { unit: 'persons', zh: '期末采取避孕措施的已婚育龄妇女人数', en: 'Married women 15–49 using a contraceptive method on the last day' },
  fertility_rate_by_order: { unit: '‰', zh: `分孩次生育率 = 该孩次出生数 ÷ 育龄妇女平均人数 × 1000（一孩、二孩、三孩及以上）${YEARLY_ZH}`, en: `Fertility rate by birth order = births of the order ÷ average women 15–49 × 1000 (first, second, third and later)${YEARLY_EN}` },
  asfr_5y_by_order: { unit: '‰', zh: `分孩次年龄别生育率 = 该年龄组妇女所生该孩次婴儿数 ÷ 该年龄组妇女平均人数 × 1000${YEARLY_ZH}`, en: `Age-specific fertility rate by birth order = births of the order to women of the age group ÷ average women of the group × 1000${YEARLY_EN}` },
  asfr_1y_by_order: { unit: '‰', zh: `分单岁、孩次的年龄别生育率${YEARLY_ZH}`, en: `Age-specific fertility rate by single year of age and birth order${YEARLY_EN}` },
  births_by_order: { unit: 'persons', zh: '分孩次出生数', en: 'Births by order' },
  sex_ratio_at_birth: { unit: 'males per 100 females', zh: '出生人口性别比 = 男婴数 ÷ 女婴数 × 100（正常范围 103–107）', en: 'Sex ratio at birth = male births ÷ female births × 100 (normal 103–107)' },
  sex_ratio: { unit: 'males per 100 females', zh: '总人口性别比 = 期末男性常住人口 ÷ 女性常住人口 × 100', en: 'Sex ratio = resident males ÷ resident females × 100 on the last day' },
  marriages: { unit: 'events', zh: '结婚登记对数（按女方居住地）', en: 'Marriages registered (placed by the wife’s residence)' },
  remarriages: { unit: 'events', zh: '再婚登记对数（任一方婚前为丧偶或离婚）', en: 'Remarriages (either spouse widowed or divorced before)' },
  divorces: { unit: 'events', zh: '离婚登记对数', en: 'Divorces registered' },
  moves_in: { unit: 'persons', zh: '户口迁入人数', en: 'Registrations moved into the area' },
  moves_out: { unit: 'persons', zh: '户口迁出人数', en: 'Registrations moved out of the area' },
  floating_population: { unit: 'persons', zh: '期末流动人口（居住在本区域、户籍在本区以外）', en: 'Floating population: residents on the last day registered outside the district' },
  population_end: { unit: 'persons', zh: '期末人数：常住、户籍、管理、流动', en: 'Head counts on the last day: resident, registered, managed, floating' },
  married_women_15_49: { unit: 'persons', zh: '期末已婚育龄妇女（15–49 周岁）人数', en: 'Married women aged 15–49 on the last day' },
  contraceptive_prevalence: { unit: '%', zh: '综合避孕率 = 采取避孕措施的已婚育龄妇女 ÷ 已婚育龄妇女 × 100', en: 'Contraceptive prevalence = married women 15–49 using a method ÷ married women 15–49 × 100' },
  terminations: { unit: 'events', zh: '中止妊娠（人工流产、药物流产、引产）例数', en: 'Pregnancy terminations' },
  termination_rate: { unit: '‰', zh: `人工流产率 = 中止妊娠例数 ÷ 育龄妇女平均人数 × 1000${YEARLY_ZH}`, en: `Termination rate = terminations ÷ average women 15–49 × 1000${YEARLY_EN}` },
  policy_compliant_birth_rate: {
    unit: '%',
    zh: '计划生育率 = 符合政策生育数 ÷ 出生总数 × 100。现行政策（2021 年起三孩政策、取消社会抚养费）下生育无需审批，不适用',
    en: 'Policy-compliant birth rate = births within the birth policy ÷ all births × 100; not applicable under today’s rules (since 2021 no birth needs approval)',
  },
};

/** The definition of a key, or of its family (`asfr_5y.20-24` → `asfr_5y`). */
export function definitionOf(key: string): Definition {
  const definition = DEFINITIONS[key] ?? DEFINITIONS[key.split('.')[0]!];
  if (!definition) throw new Error(`no definition for indicator ${key}`);
  return definition;
}
