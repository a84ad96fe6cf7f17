/**
 * Characters used in Chinese given names, with frequencies by sex — reference data for `popx gen`.
 *
 * SOURCE: "givenname" table of the ChineseNames database — Bao, H.-W.-S. (2021). ChineseNames: Chinese Name
 *   Database 1930-2008 (R package), https://github.com/psychbruce/ChineseNames, data-csv/givenname.csv.
 *   Counts come from the National Citizen Identity Information Center (NCIIC): occurrences of each character in
 *   the given names of ~1.2 billion Han Chinese born 1930–2008 and alive in 2008. LICENCE/TERMS: GPL-3 (R package);
 *   the author asks CSV users to follow GPL-3 and CC BY-NC-SA. ⚠ Aggregate statistics only, no personal data, but
 *   the lead must confirm the licence fits the MIT-licensed PopX before release.
 * DERIVATION: of the 2,614 characters in the table, 1,930 were transcribed by hand from the CSV (read through the
 *   search tool; no bulk download was possible): every character with ≥ 5,000 occurrences, plus some with
 *   1,000–5,000 (the cut-off drifted during transcription, so the 1,000–5,000 band is incomplete). Three columns
 *   were kept: n.male, n.female and n.2000_2008 (occurrences among people born 2000–2008, used as `recent`).
 *   Everything else (uniqueness, valence…) was dropped. Readings (`pinyin`, toned, most common reading) and the
 *   `polyphonic` flag come from pinyin-pro 3.29.4 (npm, MIT), run once in a throw-away script.
 *   Supplement (APPROXIMATION, not in the NCIIC list): 堃 昇 赟 瑀 玹 翯 with small hand-set weights
 *   (100–600), flagged `supplement: true`, so that generated data contains these BMP rare characters
 *   (生僻字). Other rare characters present with real counts: 喆 燊 淼 犇 垚 燚 鑫 玥 曌 珺 翀 昊 淏 祎.
 *   All characters are in the Unicode BMP (checked at build time).
 * NOTE: `male`/`female` count occurrences across all cohorts (1930–2008). Characters of the 1950s–70s
 *   (建, 国, 军, 红, 芳…) therefore dominate; use `recent` (sex-neutral counts for the 2000–2008 cohort) to
 *   weight names of children: e.g. recentMale ≈ recent × male / (male + female).
 * Data: ./given-name-chars.json — rows [char, male, female, recent, pinyin, polyphonic 0|1, supplement 0|1],
 *   sorted by male + female descending.
 */
import rows from './given-name-chars.json' with { type: 'json' };

export interface GivenNameChar {
  readonly char: string;
  /** occurrences in given names of men (NCIIC, born 1930–2008) */
  readonly male: number;
  /** occurrences in given names of women (NCIIC, born 1930–2008) */
  readonly female: number;
  /** occurrences (both sexes) among people born 2000–2008 */
  readonly recent: number;
  /** most common reading, with tone mark */
  readonly pinyin: string;
  readonly polyphonic: boolean;
  readonly supplement: boolean;
}

type Row = readonly [string, number, number, number, string, number, number];

export const GIVEN_NAME_CHARS: ReadonlyArray<GivenNameChar> = (rows as unknown as ReadonlyArray<Row>).map(
  ([char, male, female, recent, pinyin, polyphonic, supplement]) => ({
    char,
    male,
    female,
    recent,
    pinyin,
    polyphonic: polyphonic === 1,
    supplement: supplement === 1,
  }),
);

/**
 * Full-name length in the registered population, 《二〇二〇年全国姓名报告》 (MPS, 2021-02-08): three-character
 * names > 90 %, two-character names 6.3 % (i.e. single-character given names with a one-character surname),
 * four or more characters < 2 % (the report gives 1.6 % and 1.7 %; 0.017 used). `three` is the remainder.
 */
export const FULL_NAME_LENGTH_2020 = { two: 0.063, three: 0.92, fourOrMore: 0.017 } as const;

/**
 * Share of single-character given names by birth decade. ANCHORS (cited): the MPS 2020 report says the share of
 * two-character full names “once reached 27.6 %” (peak, placed here on the 1980s) and is 6.3 % now (placed on the
 * 2010s). Every other decade is an ASSUMPTION interpolated between those anchors (no cohort table was reachable);
 * single-character names are known to have been common in the 1980s–90s and rare since 2010.
 */
export const SINGLE_CHAR_GIVEN_NAME_SHARE = [
  { fromYear: 1920, toYear: 1949, share: 0.12, basis: 'assumption' },
  { fromYear: 1950, toYear: 1959, share: 0.15, basis: 'assumption' },
  { fromYear: 1960, toYear: 1969, share: 0.18, basis: 'assumption' },
  { fromYear: 1970, toYear: 1979, share: 0.23, basis: 'assumption' },
  { fromYear: 1980, toYear: 1989, share: 0.276, basis: 'mps2020-peak' },
  { fromYear: 1990, toYear: 1999, share: 0.22, basis: 'assumption' },
  { fromYear: 2000, toYear: 2009, share: 0.12, basis: 'assumption' },
  { fromYear: 2010, toYear: 2030, share: 0.063, basis: 'mps2020' },
] as const;
