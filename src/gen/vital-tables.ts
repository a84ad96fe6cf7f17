import { DEATH_PROBABILITIES, FERTILITY_BY_AGE, GESTATION_WEEKS } from './data/vital-rates.js';
import { AliasTable } from './alias-table.js';

/** Monthly probability of dying by sex (1, 2) and age 0–110, from the band probabilities. */
export const MONTHLY_DEATH: [Float64Array, Float64Array, Float64Array] = [new Float64Array(111), build('male'), build('female')];

function build(sex: 'male' | 'female'): Float64Array {
  const table = new Float64Array(111);
  for (const band of DEATH_PROBABILITIES[sex]) {
    const width = band.to === null ? 5 : band.to - band.from + 1;
    const annual = 1 - Math.pow(1 - Math.min(band.qx, 0.999), 1 / width);
    const monthly = 1 - Math.pow(1 - annual, 1 / 12);
    for (let age = band.from; age <= (band.to ?? 110); age += 1) if (age <= 110) table[age] = monthly;
  }
  return table;
}

/** Annual births per woman by single year of age 15–49. */
export const ASFR = new Float64Array(50);
for (const row of FERTILITY_BY_AGE) ASFR[row.age] = row.rate;

export const GESTATION_TABLE = new AliasTable(GESTATION_WEEKS.map((g) => g.share));
export const GESTATION_BANDS: readonly number[] = GESTATION_WEEKS.map((g) => g.weeks);
