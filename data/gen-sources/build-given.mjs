import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from './pinyin-pro-3.29.4/package/dist/index.mjs';
const rows = readFileSync('raw/given_all.csv', 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(','));
// Supplementary rare BMP characters NOT in the NCIIC 2008 list (approximation: fixed small weights)
const SUPP = [
  ['堃', 600, 150, 300],
  ['昇', 400, 100, 150],
  ['赟', 500, 300, 300],
  ['瑀', 200, 200, 150],
  ['玹', 150, 150, 100],
  ['翯', 100, 60, 80],
  ['彧', 0, 0, 0],
];
const have = new Set(rows.map((r) => r[0]));
for (const s of SUPP)
  if (!have.has(s[0]) && s[1] > 0) rows.push([s[0], String(s[1]), String(s[2]), String(s[3]), 'supp']);
const out = [];
for (const r of rows) {
  const [ch, m, f, rec, flag] = r;
  if (ch.codePointAt(0) > 0xffff) throw new Error('non-BMP ' + ch);
  const py = pinyin(ch, { toneType: 'none' });
  const tone = pinyin(ch);
  const all = pinyin(ch, { multiple: true, toneType: 'none', type: 'array' });
  const poly = new Set(all).size > 1 ? 1 : 0;
  out.push([ch, Number(m), Number(f), Number(rec), tone, poly, flag === 'supp' ? 1 : 0]);
}
out.sort((a, b) => b[1] + b[2] - (a[1] + a[2]));
writeFileSync('given.json', '[\n' + out.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n');
const males = out.filter((r) => r[1] > r[2]).length;
console.log('chars', out.length, 'male-dominant', males, 'poly', out.filter((r) => r[5]).length);
console.log(out.slice(0, 5));
