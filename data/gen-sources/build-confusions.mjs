import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from './opencc-js-1.4.2/package/dist/esm/full.js';
import { pinyin } from './pinyin-pro-3.29.4/package/dist/index.mjs';
const given = JSON.parse(readFileSync('given.json', 'utf8'));
const surnames = readFileSync('raw/surnames_a.txt', 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(' ')[0])
  .filter((s) => s.length === 1);
const total = new Map(given.map((r) => [r[0], r[1] + r[2]]));
const nameChars = new Set([...given.map((r) => r[0]), ...surnames]);
// (a) homophones: common name characters (>= 100k occurrences) grouped by toneless main reading
const COMMON = 100000;
const groups = new Map();
for (const [ch, m, f] of given) {
  if (m + f < COMMON) continue;
  const key = pinyin(ch, { toneType: 'none' });
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push([ch, m + f]);
}
const homo = [...groups.entries()]
  .filter(([, v]) => v.length >= 2)
  .map(([k, v]) => [
    k,
    v
      .sort((a, b) => b[1] - a[1])
      .map((x) => x[0])
      .join(''),
  ])
  .sort((a, b) => a[0].localeCompare(b[0]));
// (b) visually similar: pycorrector same_stroke.txt groups -> pairs (head char x member) where both are name chars
const stroke = readFileSync('raw/same_stroke.txt', 'utf8').trim().split('\n');
const pairs = new Set();
for (const line of stroke) {
  const chars = [...line.replace(/[^\u4e00-\u9fff]/g, '')].filter((c, i, a) => a.indexOf(c) === i);
  for (let i = 0; i < chars.length; i++)
    for (let j = i + 1; j < chars.length; j++) {
      const a = chars[i],
        b = chars[j];
      if (nameChars.has(a) && nameChars.has(b)) pairs.add([a, b].join(''));
    }
}
writeFileSync('out-homophones.txt', homo.map(([k, v]) => `  ['${k}', '${v}'],`).join('\n') + '\n');
writeFileSync('out-visual.txt', [...pairs].join(' ') + '\n');
// (c) simplified -> traditional for name characters (OpenCC cn -> t, and cn -> hk for HK-style variants)
const toT = OpenCC.Converter({ from: 'cn', to: 't' });
const toHK = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toTW = OpenCC.Converter({ from: 'cn', to: 'tw' });
const trad = [];
for (const ch of [...nameChars].sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0))) {
  const t = toT(ch),
    hk = toHK(ch),
    tw = toTW(ch);
  const vs = [...new Set([t, tw, hk])].filter((x) => x !== ch && [...x].length === 1);
  if (vs.length) trad.push([ch, vs.join('')]);
}
writeFileSync('out-trad.txt', trad.map(([s, t]) => `${s}${t}`).join(' ') + '\n');
console.log('homophone groups', homo.length, 'visual pairs', pairs.size, 'trad pairs', trad.length);
