import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

/** Two-character surnames (复姓) that a surname list must recognise before taking one character. */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 闾丘 澹台 ' +
    '公冶 宗政 濮阳 太叔 申屠 赫连 第五 呼延 端木 万俟 单于 南宫 西门 百里 东郭 拓跋 独孤 司空 亓官'
  )
    .split(' ')
    .filter(Boolean),
);

/** Characters that stand for a character a system could not type (生僻字 placeholders). */
export const NAME_PLACEHOLDER = '□';
const PLACEHOLDERS = /[□■○〇?？*＊×]/g;
/** Separator dots of transliterated minority names, in every encoding departments use. */
const NAME_DOTS = /[·•．・‧∙⋅.]/g;
const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^[\p{Script=Han}□·]+$/u;

const toSimplifiedChars = OpenCC.Converter({ from: 't', to: 'cn' });
const CACHE_MAX = 1 << 20;
const simplifiedCache = new Map<string, string>();

/** Traditional → simplified Chinese (OpenCC tables), cached; text without Han characters is returned as is. */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  const hit = simplifiedCache.get(text);
  if (hit !== undefined) return hit;
  const result = toSimplifiedChars(text);
  remember(simplifiedCache, text, result);
  return result;
}

/** Whether a string contains a Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * A name as compared: NFKC, lower case, one kind of separator dot, placeholders as □, Han
 * simplified, and no spaces between Han characters (张 伟 → 张伟).
 */
export function normaliseName(raw: string): string {
  let text = raw.normalize('NFKC').toLowerCase().replace(PLACEHOLDERS, NAME_PLACEHOLDER).replace(NAME_DOTS, '·');
  text = text.replace(/[\s_\-,'"]+/g, ' ').trim();
  if (!HAN.test(text)) return text;
  return toSimplified(text.replace(/\s+/g, (gap, at: number) => (isLatinAround(text, at, gap.length) ? ' ' : '')));
}

function isLatinAround(text: string, at: number, length: number): boolean {
  return /[a-z]/.test(text[at - 1] ?? '') && /[a-z]/.test(text[at + length] ?? '');
}

/** Splits a Han full name into surname and given name, recognising compound surnames (欧阳修 → 欧阳 + 修). */
export function splitChineseName(name: string): { surname: string; givenName: string } {
  if (name.includes('·') || name.length < 2) return { surname: '', givenName: name };
  const head = name.slice(0, 2);
  const cut = COMPOUND_SURNAMES.has(head) && name.length > 2 ? 2 : 1;
  return { surname: name.slice(0, cut), givenName: name.slice(cut) };
}

export interface NamePinyin {
  /** Toneless syllables, the surname read as a surname (单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 朴 piao). */
  syllables: string[];
  /** The whole name's pinyin with each other reading of a polyphonic surname (单 → dan…, chan…). */
  alternatives: string[];
}

const pinyinCache = new Map<string, NamePinyin>();
/** Readings of given names and surnames on their own: far fewer distinct than full names. */
const givenCache = new Map<string, readonly string[]>();
const surnameCache = new Map<string, { asSurname: readonly string[]; all: readonly string[] }>();

/**
 * Toneless pinyin of a Han name. `surnameLength` is how many leading characters are the surname
 * (0 when the text is a given name only); those are read in surname mode and their other readings
 * listed so that a clerk's pinyin with the common reading still counts as the same sound.
 */
export function namePinyin(name: string, surnameLength: number): NamePinyin {
  const cacheKey = `${surnameLength}|${name}`;
  const hit = pinyinCache.get(cacheKey);
  if (hit) return hit;
  const chars = [...name];
  const syllables = chars.map((ch, i) => (ch === NAME_PLACEHOLDER ? '?' : i < surnameLength ? '' : ch));
  const given = chars.slice(surnameLength).join('');
  if (given && HAN_ONLY.test(given)) {
    givenReadings(given).forEach(
      (s, i) => (syllables[surnameLength + i] = placeholderSafe(chars[surnameLength + i]!, s)),
    );
  }
  const alternatives: string[] = [];
  if (surnameLength > 0) {
    const readings = surnameReadings(chars.slice(0, surnameLength).join(''));
    readings.asSurname.forEach((s, i) => (syllables[i] = s));
    if (surnameLength === 1) {
      const rest = syllables.slice(1).join('');
      for (const reading of readings.all) {
        if (reading !== syllables[0]) alternatives.push(reading + rest);
      }
    }
  }
  const result = { syllables: syllables.map((s) => s.toLowerCase().replace(/ü/g, 'v')), alternatives };
  remember(pinyinCache, cacheKey, result);
  return result;
}

function givenReadings(given: string): readonly string[] {
  const hit = givenCache.get(given);
  if (hit) return hit;
  const read = pinyin(given, { toneType: 'none', type: 'array' });
  remember(givenCache, given, read);
  return read;
}

function surnameReadings(surname: string): { asSurname: readonly string[]; all: readonly string[] } {
  const hit = surnameCache.get(surname);
  if (hit) return hit;
  const made = {
    asSurname: pinyin(surname, { toneType: 'none', type: 'array', surname: 'all' }),
    all: pinyin(surname, { toneType: 'none', type: 'array', multiple: true }),
  };
  remember(surnameCache, surname, made);
  return made;
}

function placeholderSafe(ch: string, reading: string): string {
  return ch === NAME_PLACEHOLDER || !HAN.test(ch) ? (ch === NAME_PLACEHOLDER ? '?' : ch) : reading;
}

/**
 * Folds the sounds southern speakers and clerks confuse (模糊音): zh/z, ch/c, sh/s, n/l, r/l,
 * h/f before u, and the finals ang/an, eng/en, ing/in.
 */
export function foldFuzzySyllable(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^[nr]/, 'l')
    .replace(/^hu/, 'fu')
    .replace(/(a|e|i)ng$/, '$1n');
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
}
