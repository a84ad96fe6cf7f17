/** One code of a code table, with the labels a clerk may type instead of the code. */
export interface CodeEntry {
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** Other spellings accepted on import (short forms, old names, letter codes). */
  readonly aliases?: readonly string[];
  /** The major class a detail code counts as in comparisons (GB/T 2261.2: 21–23 → 20). */
  readonly rollsUpTo?: string;
  /** Set when the code is a common extension rather than part of the cited standard. */
  readonly extension?: string;
}

/** A code table, tagged with the code system and edition its codes come from. */
export interface CodeTable {
  readonly name: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** The standard or document defining the codes, e.g. `GB/T 2261.1`. */
  readonly system: string;
  readonly edition: string;
  readonly entries: readonly CodeEntry[];
}
