import { AliasTable } from './alias-table.js';
import { GIVEN_NAME_CHARS, SINGLE_CHAR_GIVEN_NAME_SHARE } from './data/given-name-chars.js';
import { GUANGDONG_SURNAME_SHARES, SURNAMES } from './data/surnames.js';
import type { Rng } from './rng.js';

/** Draws Chinese names: surnames by national frequency (Guangdong's large surnames boosted), given-name characters by sex and era. */
export class NameMaker {
  readonly surnames: readonly string[];
  private readonly surnameTable: AliasTable;
  private readonly chars: readonly string[];
  private readonly tables: Record<'male' | 'female', { before2000: AliasTable; since2000: AliasTable }>;

  constructor() {
    const boost = new Map<string, number>(GUANGDONG_SURNAME_SHARES.map((s) => [s.surname, s.share]));
    const total = SURNAMES.reduce((sum, s) => sum + s.weight, 0);
    this.surnames = SURNAMES.map((s) => s.surname);
    // Local weights: where a provincial share is known, use it in place of the national one.
    this.surnameTable = new AliasTable(SURNAMES.map((s) => boost.get(s.surname) ?? s.weight / total));
    this.chars = GIVEN_NAME_CHARS.map((c) => c.char);
    const table = (weight: (c: (typeof GIVEN_NAME_CHARS)[number]) => number) =>
      new AliasTable(GIVEN_NAME_CHARS.map((c) => Math.max(weight(c), 0.5)));
    const recentShare = (c: (typeof GIVEN_NAME_CHARS)[number]) => (c.recent + 1) / (c.male + c.female + 1);
    this.tables = {
      male: { before2000: table((c) => c.male), since2000: table((c) => c.male * recentShare(c)) },
      female: { before2000: table((c) => c.female), since2000: table((c) => c.female * recentShare(c)) },
    };
  }

  /** Index of a surname drawn by frequency. */
  drawSurname(rng: Rng): number {
    return this.surnameTable.draw(rng);
  }

  /** A given name for a person of this sex born in this year. */
  drawGivenName(rng: Rng, sex: 1 | 2, birthYear: number): string {
    const era = birthYear >= 2000 ? 'since2000' : 'before2000';
    const table = this.tables[sex === 1 ? 'male' : 'female'][era];
    const single = SINGLE_CHAR_GIVEN_NAME_SHARE.find((band) => birthYear >= band.fromYear && birthYear <= band.toYear);
    const first = this.chars[table.draw(rng)]!;
    if (rng.chance(single?.share ?? 0.1)) return first;
    let second = this.chars[table.draw(rng)]!;
    // Doubled characters (叠字, 婷婷) exist but are rarer than independent draws would make them.
    if (second === first && !rng.chance(0.3)) second = this.chars[table.draw(rng)]!;
    return first + second;
  }
}
