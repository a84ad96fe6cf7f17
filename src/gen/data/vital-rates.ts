/**
 * Vital rates for the synthetic-district simulation — reference data for `popx gen`.
 * Each constant says whether it is CITED (a published figure) or MODELLED / APPROXIMATION (derived transparently;
 * script data/gen-sources/model.py). No age-specific table from the 2020 census yearbook could be reached, so the
 * age schedules are model schedules calibrated to cited summary indicators.
 *
 * CITED:
 *   - Total fertility rate 2020: 1.3 (国家统计局, 7th-census press conference, 2021-05-11).
 *   - Sex ratio at birth 2020: 111.3 (same press conference). Registered 2020 newborns: 10.035 million, 52.7 % boys
 *     (公安部《二〇二〇年全国姓名报告》) → 111.5. Guangdong's own SRB was not found.
 *   - Births by order, 2022: second children 38.9 %, third and higher 15.0 % (国家卫健委《2022年我国卫生健康事业发展
 *     统计公报》, 2023-10-12); first = remainder 46.1 %. The 2020 split was not found; the brief's ≈ 45/43/12 is kept
 *     as BIRTH_ORDER_2020_APPROX (APPROXIMATION).
 *   - Life expectancy 2020: men 75.37, women 80.88 (7th-census life table as reported by NBS); both sexes 77.93
 *     (国家卫健委《2020年我国卫生健康事业发展统计公报》). Infant mortality 5.4 ‰, under-five mortality 7.5 ‰ (same).
 *     These five figures are quoted from memory — the bulletins were not reachable in this session; verify.
 *   - Marriages and divorces 2020: 8,143,300 marriage registrations, 4,339,000 divorces, crude divorce rate 3.09 ‰
 *     (中国统计年鉴2021, data from 民政部). Guangdong registered 633,341 marriages in 2020 (民政部 Q4 2020 data).
 *   - Mean age at first marriage 2020: men 29.38, women 27.95 (reported from the 7th census; overall 28.67 —
 *     quoted from memory, not checked against a source in this session).
 *   - Induced abortions 2020: 8.96 million (中国卫生健康统计年鉴, via secondary reports); births 2020: 12.0 million (NBS).
 *
 * MODELLED / APPROXIMATION:
 *   - DEATH_PROBABILITIES (5-year abridged qx by sex): infant and 1–4 risks from the cited IMR/U5MR (male/female
 *     ratio 1.15 ASSUMED); from age 5 a Gompertz–Makeham hazard μ(x) = 0.0002 + B·e^(0.095x) (A and slope ASSUMED),
 *     B solved per sex so that life expectancy equals the cited 75.37 / 80.88 (B: men 3.741e-05,
 *     women 2.204e-05). qx for 100+ = 1.
 *   - FERTILITY_BY_AGE: single-year ASFR 15–49, normal-shaped around a mean age of 29.0 years with sd 5.3 (ASSUMED;
 *     no cited 2020 schedule), scaled so the rates sum to the cited TFR 1.3.
 *   - FIRST_MARRIAGE_AGE: shifted log-normal from the legal minimum age (22 men, 20 women) with the cited means and
 *     an ASSUMED sd of 4.5 years; shares of first marriages by age, up to 55.
 *   - DIVORCE / REMARRIAGE hazards: see the constants below.
 *   - PREGNANCY_OUTCOMES, GESTATION_WEEKS, BIRTH_WEIGHT: see the constants below.
 */

export const TFR_2020 = 1.3;
export const SEX_RATIO_AT_BIRTH_2020 = 111.3;
/** probability that a live birth is a boy, from the 2020 SRB */
export const P_MALE_BIRTH = 111.3 / 211.3;

/** CITED (NHC 2022 bulletin): shares of live births by birth order. */
export const BIRTH_ORDER_2022 = { first: 0.461, second: 0.389, thirdPlus: 0.15 } as const;
/** APPROXIMATION (project brief, not verified): 2020 shares of live births by birth order. */
export const BIRTH_ORDER_2020_APPROX = { first: 0.45, second: 0.43, thirdPlus: 0.12 } as const;

/** MODELLED: births per woman per year by single year of age; sums to TFR_2020. */
export const FERTILITY_BY_AGE = [
  { age: 15, rate: 0.00383 },
  { age: 16, rate: 0.00609 },
  { age: 17, rate: 0.00933 },
  { age: 18, rate: 0.01381 },
  { age: 19, rate: 0.01971 },
  { age: 20, rate: 0.02715 },
  { age: 21, rate: 0.0361 },
  { age: 22, rate: 0.04632 },
  { age: 23, rate: 0.05735 },
  { age: 24, rate: 0.06852 },
  { age: 25, rate: 0.07901 },
  { age: 26, rate: 0.08791 },
  { age: 27, rate: 0.0944 },
  { age: 28, rate: 0.09782 },
  { age: 29, rate: 0.09782 },
  { age: 30, rate: 0.0944 },
  { age: 31, rate: 0.08791 },
  { age: 32, rate: 0.07901 },
  { age: 33, rate: 0.06852 },
  { age: 34, rate: 0.05735 },
  { age: 35, rate: 0.04632 },
  { age: 36, rate: 0.0361 },
  { age: 37, rate: 0.02715 },
  { age: 38, rate: 0.01971 },
  { age: 39, rate: 0.01381 },
  { age: 40, rate: 0.00933 },
  { age: 41, rate: 0.00609 },
  { age: 42, rate: 0.00383 },
  { age: 43, rate: 0.00233 },
  { age: 44, rate: 0.00137 },
  { age: 45, rate: 0.00077 },
  { age: 46, rate: 0.00042 },
  { age: 47, rate: 0.00022 },
  { age: 48, rate: 0.00011 },
  { age: 49, rate: 6e-5 },
] as const;

export const LIFE_EXPECTANCY_2020 = { male: 75.37, female: 80.88, both: 77.93 } as const;
export const INFANT_MORTALITY_2020 = 0.0054;
export const UNDER5_MORTALITY_2020 = 0.0075;

/** MODELLED: probability of dying within the age band [from, to] (to: null = open-ended), by sex. */
export const DEATH_PROBABILITIES = {
  male: [
    { from: 0, to: 0, qx: 0.00578 },
    { from: 1, to: 4, qx: 0.00226 },
    { from: 5, to: 9, qx: 0.00138 },
    { from: 10, to: 14, qx: 0.00162 },
    { from: 15, to: 19, qx: 0.00199 },
    { from: 20, to: 24, qx: 0.0026 },
    { from: 25, to: 29, qx: 0.00357 },
    { from: 30, to: 34, qx: 0.00513 },
    { from: 35, to: 39, qx: 0.00763 },
    { from: 40, to: 44, qx: 0.01164 },
    { from: 45, to: 49, qx: 0.01805 },
    { from: 50, to: 54, qx: 0.02827 },
    { from: 55, to: 59, qx: 0.04448 },
    { from: 60, to: 64, qx: 0.06999 },
    { from: 65, to: 69, qx: 0.10959 },
    { from: 70, to: 74, qx: 0.16976 },
    { from: 75, to: 79, qx: 0.2581 },
    { from: 80, to: 84, qx: 0.38088 },
    { from: 85, to: 89, qx: 0.53715 },
    { from: 90, to: 94, qx: 0.71008 },
    { from: 95, to: 99, qx: 0.86335 },
    { from: 100, to: null, qx: 1.0 },
  ],
  female: [
    { from: 0, to: 0, qx: 0.00502 },
    { from: 1, to: 4, qx: 0.00196 },
    { from: 5, to: 9, qx: 0.00123 },
    { from: 10, to: 14, qx: 0.00136 },
    { from: 15, to: 19, qx: 0.00159 },
    { from: 20, to: 24, qx: 0.00194 },
    { from: 25, to: 29, qx: 0.00251 },
    { from: 30, to: 34, qx: 0.00343 },
    { from: 35, to: 39, qx: 0.00491 },
    { from: 40, to: 44, qx: 0.00728 },
    { from: 45, to: 49, qx: 0.01108 },
    { from: 50, to: 54, qx: 0.01715 },
    { from: 55, to: 59, qx: 0.02685 },
    { from: 60, to: 64, qx: 0.04223 },
    { from: 65, to: 69, qx: 0.06647 },
    { from: 70, to: 74, qx: 0.10416 },
    { from: 75, to: 79, qx: 0.1616 },
    { from: 80, to: 84, qx: 0.24635 },
    { from: 85, to: 89, qx: 0.36503 },
    { from: 90, to: 94, qx: 0.51796 },
    { from: 95, to: 99, qx: 0.6905 },
    { from: 100, to: null, qx: 1.0 },
  ],
} as const;

/** CITED: means; the distributions below are MODELLED. */
export const MEAN_FIRST_MARRIAGE_AGE_2020 = { male: 29.38, female: 27.95, both: 28.67 } as const;
export const MIN_MARRIAGE_AGE = { male: 22, female: 20 } as const;

/** MODELLED: share of first marriages at each age (men). */
export const FIRST_MARRIAGE_AGE_MALE = [
  { age: 22, share: 0.00053 },
  { age: 23, share: 0.02012 },
  { age: 24, share: 0.07291 },
  { age: 25, share: 0.1162 },
  { age: 26, share: 0.13111 },
  { age: 27, share: 0.12507 },
  { age: 28, share: 0.10905 },
  { age: 29, share: 0.09035 },
  { age: 30, share: 0.07265 },
  { age: 31, share: 0.0574 },
  { age: 32, share: 0.0449 },
  { age: 33, share: 0.03494 },
  { age: 34, share: 0.02713 },
  { age: 35, share: 0.02107 },
  { age: 36, share: 0.01638 },
  { age: 37, share: 0.01276 },
  { age: 38, share: 0.00997 },
  { age: 39, share: 0.00781 },
  { age: 40, share: 0.00615 },
  { age: 41, share: 0.00485 },
  { age: 42, share: 0.00384 },
  { age: 43, share: 0.00306 },
  { age: 44, share: 0.00244 },
  { age: 45, share: 0.00196 },
  { age: 46, share: 0.00157 },
  { age: 47, share: 0.00127 },
  { age: 48, share: 0.00103 },
  { age: 49, share: 0.00084 },
  { age: 50, share: 0.00068 },
  { age: 51, share: 0.00056 },
  { age: 52, share: 0.00046 },
  { age: 53, share: 0.00038 },
  { age: 54, share: 0.00031 },
  { age: 55, share: 0.00026 },
] as const;

/** MODELLED: share of first marriages at each age (women). */
export const FIRST_MARRIAGE_AGE_FEMALE = [
  { age: 20, share: 0.00012 },
  { age: 21, share: 0.00917 },
  { age: 22, share: 0.04724 },
  { age: 23, share: 0.09293 },
  { age: 24, share: 0.11971 },
  { age: 25, share: 0.12468 },
  { age: 26, share: 0.11545 },
  { age: 27, share: 0.09976 },
  { age: 28, share: 0.08262 },
  { age: 29, share: 0.06663 },
  { age: 30, share: 0.05285 },
  { age: 31, share: 0.04148 },
  { age: 32, share: 0.03237 },
  { age: 33, share: 0.02518 },
  { age: 34, share: 0.01956 },
  { age: 35, share: 0.0152 },
  { age: 36, share: 0.01182 },
  { age: 37, share: 0.00922 },
  { age: 38, share: 0.0072 },
  { age: 39, share: 0.00564 },
  { age: 40, share: 0.00443 },
  { age: 41, share: 0.0035 },
  { age: 42, share: 0.00276 },
  { age: 43, share: 0.00219 },
  { age: 44, share: 0.00175 },
  { age: 45, share: 0.00139 },
  { age: 46, share: 0.00112 },
  { age: 47, share: 0.0009 },
  { age: 48, share: 0.00072 },
  { age: 49, share: 0.00059 },
  { age: 50, share: 0.00047 },
  { age: 51, share: 0.00039 },
  { age: 52, share: 0.00032 },
  { age: 53, share: 0.00026 },
  { age: 54, share: 0.00021 },
  { age: 55, share: 0.00017 },
] as const;

/**
 * APPROXIMATION: share of people who ever marry by age 50. Not cited — chosen so that most adults marry, as in
 * the 2020 census where never-married people over 45 are a small minority.
 */
export const EVER_MARRIED_BY_50 = { male: 0.95, female: 0.97 } as const;

/** CITED (中国统计年鉴2021): 2020 registrations and the crude divorce rate (per person per year). */
export const MARRIAGES_2020 = 8_143_300;
export const DIVORCES_2020 = 4_339_000;
export const CRUDE_DIVORCE_RATE_2020 = 0.00309;
/**
 * APPROXIMATION: annual probability that an existing marriage ends in divorce = 4,339,000 divorces / ≈ 400 million
 * married couples (the couple count is ASSUMED: ≈ 57 % of the population aged 15+ married, halved).
 */
export const ANNUAL_DIVORCE_PROBABILITY = 0.011;
/** APPROXIMATION (not cited): annual probability of remarrying, for divorced / widowed people under 60. */
export const ANNUAL_REMARRIAGE_PROBABILITY = { divorced: 0.08, widowed: 0.02 } as const;

/**
 * Pregnancy outcomes. CITED inputs: 8.96 million induced abortions and 12.0 million live births in 2020.
 * ASSUMED: 12 % of recognised pregnancies end in spontaneous miscarriage or stillbirth. Derived shares:
 * pregnancies = (12.0 + 8.96) / 0.88 = 23.8 million → live birth 0.504, induced termination 0.376, loss 0.12.
 */
export const PREGNANCY_OUTCOMES = {
  liveBirth: 0.504,
  inducedTermination: 0.376,
  miscarriageOrStillbirth: 0.12,
} as const;

/**
 * APPROXIMATION (no cited national table): completed weeks of gestation at live birth; preterm (< 37 weeks)
 * ≈ 6.3 %, most births at 37–41 weeks. `weeks` is the lower bound of the band; 27 stands for < 28.
 */
export const GESTATION_WEEKS = [
  { weeks: 27, share: 0.001 },
  { weeks: 28, share: 0.005 },
  { weeks: 32, share: 0.007 },
  { weeks: 34, share: 0.05 },
  { weeks: 37, share: 0.1 },
  { weeks: 38, share: 0.25 },
  { weeks: 39, share: 0.31 },
  { weeks: 40, share: 0.2 },
  { weeks: 41, share: 0.065 },
  { weeks: 42, share: 0.012 },
] as const;

/** APPROXIMATION (project brief, not verified): birth weight in grams for term births, normal(mean, sd). */
export const BIRTH_WEIGHT_GRAMS = { mean: 3300, sd: 450, min: 500, max: 5500 } as const;
