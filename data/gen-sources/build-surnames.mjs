import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from './pinyin-pro-3.29.4/package/dist/index.mjs';

const TOTAL_2008 = 1181686000; // implied by 王 88465683 / 74861.812 ppm  (n / ppm * 1e6)
const rows = readFileSync('raw/surnames_a.txt', 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(' '));
// entries in the NCIIC list that are not surnames but first characters of given names of
// ethnic groups that register no surname (Yi 阿…, Tibetan 扎西/拉姆/央金/格桑/尼玛, Uyghur/Kazakh 娜…, 小…)
const EXCLUDE = new Set(['阿', '扎', '拉', '娜', '央', '小', '格', '尼']);
// 2020 MPS name report counts for compound surnames (persons); rescaled to the 2008 base below
const MPS2020 = {
  欧阳: 1112000,
  上官: 88000,
  皇甫: 64000,
  令狐: 55000,
  诸葛: 48000,
  司徒: 47000,
  司马: 23000,
  申屠: 19000,
  夏侯: 11000,
  贺兰: 10000,
  完颜: 6000,
  慕容: 5000,
  尉迟: 4000,
  长孙: 3000,
};
const SCALE = 1181686000 / 1411778724; // 2008 registered base / 2020 census population
const OVERRIDE = { 种: ['Chong', 'chóng'] };
const out = [];
const seen = new Set();
for (const [s, n] of rows) {
  if (EXCLUDE.has(s) || seen.has(s)) continue;
  seen.add(s);
  let weight = Number(n);
  let src = 'nciic2008';
  if (MPS2020[s]) {
    weight = Math.round(MPS2020[s] * SCALE);
    src = 'mps2020';
  }
  out.push({ s, weight, src });
}
for (const [s, n] of Object.entries(MPS2020))
  if (!seen.has(s)) {
    out.push({ s, weight: Math.round(n * SCALE), src: 'mps2020' });
    seen.add(s);
  }
out.sort((a, b) => b.weight - a.weight);
const cap = (x) => x.charAt(0).toUpperCase() + x.slice(1);
let lines = [];
let sum = 0;
for (const r of out) {
  const o = OVERRIDE[r.s];
  const plain = o ? o[0] : cap(pinyin(r.s, { mode: 'surname', toneType: 'none', type: 'array' }).join(''));
  const tone = o ? o[1] : pinyin(r.s, { mode: 'surname', type: 'array' }).join('');
  const normal = pinyin(r.s, { toneType: 'none', type: 'array' }).join('');
  const poly = normal.toLowerCase() !== plain.toLowerCase();
  sum += r.weight;
  lines.push(
    `  { surname: '${r.s}', pinyin: '${plain}', tone: '${tone}', weight: ${r.weight}${r.s.length > 1 ? ', compound: true' : ''}${poly ? ', surnameReading: true' : ''}${r.src === 'mps2020' ? ", source: 'mps2020'" : ''} },`,
  );
}
writeFileSync('out-surnames.txt', lines.join('\n') + '\n');
console.log('count', out.length, 'coverage', (sum / TOTAL_2008).toFixed(4));
