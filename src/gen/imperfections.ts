import { idCheckChar } from '../platform/identity/index.js';
import { CURATED_VISUAL_PAIRS, HOMOPHONE_GROUPS, TRADITIONAL_VARIANTS, VISUAL_SIMILAR_PAIRS } from './data/confusions.js';
import type { Rng } from './rng.js';

/** The kinds of error `popx gen` injects, each with its own rate (probability per eligible value). */
export interface ErrorRates {
  name_homophone: number;
  name_similar_char: number;
  name_traditional: number;
  id_check_digit: number;
  id_transposition: number;
  id_missing: number;
  date_day_month_swap: number;
  duplicate_submission: number;
  correction: number;
  cancellation: number;
  late_record: number;
  missing_file: number;
  late_file: number;
}

export const DEFAULT_ERROR_RATES: ErrorRates = {
  name_homophone: 0.004,
  name_similar_char: 0.002,
  name_traditional: 0.001,
  id_check_digit: 0.002,
  id_transposition: 0.002,
  id_missing: 0.01,
  date_day_month_swap: 0.002,
  duplicate_submission: 0.005,
  correction: 0.3,
  cancellation: 0.001,
  late_record: 0.03,
  missing_file: 0.01,
  late_file: 0.05,
};

/** Contradictions between departments, each a rate per opportunity. */
export interface ContradictionRates {
  death_while_insured: number;
  birth_never_registered: number;
  pregnancy_without_outcome: number;
  marriage_unknown_to_town: number;
  moved_out_still_reported: number;
  business_without_permit: number;
  only_child_with_sibling: number;
  /** A town profiles a woman under a different name from the police's (per profiled woman). */
  name_disagreement: number;
  /** A hospital reports a wrong birth order (per hospital birth report). */
  birth_order_wrong: number;
  /** A town leaves a married woman of childbearing age out of its profiles for good (per woman profiled at the start). */
  woman_profile_missing: number;
}

export const DEFAULT_CONTRADICTION_RATES: ContradictionRates = {
  death_while_insured: 0.5,
  birth_never_registered: 0.02,
  pregnancy_without_outcome: 0.05,
  marriage_unknown_to_town: 0.03,
  moved_out_still_reported: 0.1,
  business_without_permit: 0.05,
  only_child_with_sibling: 0.3,
  name_disagreement: 0.003,
  birth_order_wrong: 0.02,
  woman_profile_missing: 0.005,
};

export type ValueErrorKind =
  | 'name_homophone'
  | 'name_similar_char'
  | 'name_traditional'
  | 'id_check_digit'
  | 'id_transposition'
  | 'id_missing'
  | 'date_day_month_swap';

const homophoneOf = new Map<string, string[]>();
for (const [, chars] of HOMOPHONE_GROUPS) {
  const list = [...chars];
  for (const ch of list) homophoneOf.set(ch, list.filter((other) => other !== ch));
}
const similarOf = new Map<string, string[]>();
for (const [a, b] of [...VISUAL_SIMILAR_PAIRS, ...CURATED_VISUAL_PAIRS]) {
  similarOf.set(a, [...(similarOf.get(a) ?? []), b]);
  similarOf.set(b, [...(similarOf.get(b) ?? []), a]);
}

/** Replaces one given-name character as a clerk might mishear, misread or write in traditional form; undefined if no such character. */
export function corruptName(rng: Rng, name: string, kind: 'name_homophone' | 'name_similar_char' | 'name_traditional'): string | undefined {
  const chars = [...name];
  // Surnames are copied from the ID card more carefully: touch the given name only.
  const positions = chars.map((_, i) => i).filter((i) => i > 0);
  for (const i of shuffle(rng, positions)) {
    const ch = chars[i]!;
    const options =
      kind === 'name_homophone' ? homophoneOf.get(ch) : kind === 'name_similar_char' ? similarOf.get(ch) : [...(TRADITIONAL_VARIANTS.get(ch) ?? '')];
    if (options && options.length > 0) {
      chars[i] = rng.pick(options);
      return chars.join('');
    }
  }
  return undefined;
}

/** An ID number with a wrong check character, or two adjacent digits swapped. */
export function corruptIdNumber(rng: Rng, id: string, kind: 'id_check_digit' | 'id_transposition'): string | undefined {
  if (kind === 'id_check_digit') {
    const right = id[17]!;
    const choices = '0123456789X'.split('').filter((c) => c !== right);
    return id.slice(0, 17) + rng.pick(choices);
  }
  for (let tries = 0; tries < 8; tries += 1) {
    const i = rng.between(6, 15);
    if (id[i] === id[i + 1]) continue;
    const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
    // A swap that still yields a valid check character is a different real-looking number;
    // keep it too, it is exactly what linkage must catch.
    return swapped.slice(0, 17) + (rng.chance(0.5) ? idCheckChar(swapped.slice(0, 17)) : swapped[17]);
  }
  return undefined;
}

/** YYYY-MM-DD with day and month swapped, when that is still a real, different date. */
export function swapDayMonth(date: string): string | undefined {
  const [y, m, d] = date.split('-');
  if (!y || !m || !d || m === d || Number(d) > 12) return undefined;
  return `${y}-${d}-${m}`;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
