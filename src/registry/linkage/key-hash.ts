/**
 * 32-bit FNV-1a over UTF-16 code units, with a final avalanche (murmur3 fmix32), built up piece
 * by piece so a blocking key can be hashed without making its string: hashing `tag|a|b` in
 * pieces gives the same number as hashString('tag|a|b').
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BAR = 124; // '|'

/** The hash of a whole string. */
export function hashString(text: string): number {
  return finishHash(addText(FNV_OFFSET, text));
}

/** hashString(`${tag}|${a}|${b}…`) without building the string. */
export function hashKey(tag: string, a: string, b?: string, c?: string): number {
  let hash = addText(FNV_OFFSET, tag);
  hash = addText(Math.imul(hash ^ BAR, FNV_PRIME), a);
  if (b !== undefined) hash = addText(Math.imul(hash ^ BAR, FNV_PRIME), b);
  if (c !== undefined) hash = addText(Math.imul(hash ^ BAR, FNV_PRIME), c);
  return finishHash(hash);
}

/** hashString(`${tag}|${text without [from, to)}`) with `_` where the gap is, e.g. i1|110105_1231002X. */
export function hashKeyWithGap(tag: string, text: string, from: number, to: number): number {
  let hash = Math.imul(addText(FNV_OFFSET, tag) ^ BAR, FNV_PRIME);
  for (let i = 0; i < from; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  hash = Math.imul(hash ^ 95, FNV_PRIME);
  for (let i = to; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return finishHash(hash);
}

function addText(start: number, text: string): number {
  let hash = start;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

function finishHash(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
