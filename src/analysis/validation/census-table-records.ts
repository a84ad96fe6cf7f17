import fs from 'node:fs';
import path from 'node:path';
import type { ManifestEntry } from '../../gen/output.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { addDays, daysBetween } from '../indicators/calendar-days.js';
import { BIRTH_COLUMNS, type CensusFertilityTable } from './census-fertility-table.js';

/** What the records hold, for the report. */
export interface CensusTableRecords {
  women: number;
  births: number;
  earlierChildren: number;
  files: ManifestEntry[];
}

/** Where the registry of a table lives and who submits it. */
export interface CensusRecordOptions {
  /** 12-digit village codes of the district; women are spread over them in turn. */
  villages: readonly string[];
  /** The police organisation that sends the register (default POLICE) and the health one that reports births (default HEALTH). */
  policeOrg?: string;
  healthOrg?: string;
}

const SURNAMES = [...new Set('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边')].join('');
const GIVEN = '秀英华玉兰芳丽敏静燕娟霞红梅琳艳凤洁云莲萍雪琴慧珍莉婷倩颖晶佳欣怡雅蓉薇璐瑶露雯悦琪';

/**
 * A unique name per index: surname, then two given characters, so women born the same day never
 * share a name (the matcher then has nothing to confuse; identity comes from the ID numbers).
 */
function nameOf(index: number): string {
  const s = SURNAMES.length;
  const g = GIVEN.length;
  return `${SURNAMES[index % s]}${GIVEN[Math.floor(index / s) % g]}${GIVEN[Math.floor(index / (s * g)) % g]}`;
}

/** Order numbers whose digits never decrease (so no two are one adjacent swap apart), of each parity: women's even, men's odd. */
const ORDERS = [0, 1].map((odd) =>
  Array.from({ length: 999 }, (_, i) => i + 1).filter((n) => n % 2 === odd && String(n).padStart(3, '0') === [...String(n).padStart(3, '0')].sort().join('')),
);
/**
 * Address codes none of which is one adjacent swap from another, with any birth date after it:
 * province 35 or 36, then 0, then 1 or 2, then two non-decreasing digits of 3–9 (112 codes).
 */
const CODES = ['35', '36'].flatMap((province) =>
  ['1', '2'].flatMap((p) => Array.from({ length: 49 }, (_, i) => [3 + Math.floor(i / 7), 3 + (i % 7)] as const).filter(([x, y]) => x <= y).map(([x, y]) => `${province}0${p}${x}${y}`)),
);

/**
 * Hands out valid 18-digit ID numbers of which no two are one adjacent swap apart (the matcher
 * holds such a pair for a possible typo and sends it to review): a code and an order number with
 * non-decreasing digits, per birth date and sex (10,528 women or 14,000 men per day).
 */
class IdNumbers {
  private readonly used = new Map<string, number>();

  next(birthDate: string, sex: '1' | '2'): string {
    const key = `${birthDate}|${sex}`;
    const n = this.used.get(key) ?? 0;
    this.used.set(key, n + 1);
    const orders = ORDERS[sex === '1' ? 1 : 0]!;
    const code = CODES[Math.floor(n / orders.length)];
    if (code === undefined) throw new Error(`more than ${CODES.length * orders.length} persons of one sex born ${birthDate}`);
    const body = `${code}${birthDate.replaceAll('-', '')}${String(orders[n % orders.length]).padStart(3, '0')}`;
    return body + idCheckChar(body);
  }
}

/**
 * Writes the person-level records of a census fertility table as the departments would send
 * them, into `dir` with a manifest (`popx import DIR` or `submitGeneratedDistrict` replays it):
 *
 * - the police register (`hukou_register`, one row per person): for every single year of age a
 *   of the table, its average number of women, each born on the period's first day a years
 *   earlier — so she is a in completed years on every day of the period, registered in a
 *   village of the district and there the whole period: her person-time average is exactly 1;
 *   and, for every mother of a second or third birth, her earlier children (born 400 and 800
 *   days before that birth, with her ID number as their mother's), so the registry knows them;
 * - the hospital birth reports (`birth`, one row per child): the row's births spread over the
 *   period, each to a different woman of that age, with the birth order the table gives (the
 *   third-and-higher column as third births) stated as 孩次, which agrees with the children the
 *   register holds.
 *
 * Rows of the table are read as they are; a derived row is used like the others.
 */
export async function writeCensusTableRecords(table: CensusFertilityTable, dir: string, options: CensusRecordOptions): Promise<CensusTableRecords> {
  const { villages } = options;
  if (villages.length === 0) throw new Error('no villages to place the women in');
  const police = options.policeOrg ?? 'POLICE';
  const health = options.healthOrg ?? 'HEALTH';
  fs.mkdirSync(dir, { recursive: true });
  const { from, to } = table.period;
  const days = daysBetween(from, addDays(to, 1));
  const ids = new IdNumbers();
  const register: string[] = [];
  const earlier: string[] = [];
  const birthRows: string[] = [];
  let women = 0;
  let births = 0;
  let earlierChildren = 0;
  let names = 0;
  for (const row of table.ages) {
    const age = Number(row.age);
    const born = `${Number(from.slice(0, 4)) - age}${from.slice(4)}`;
    const counts = BIRTH_COLUMNS.slice(1).map((c) => row[c][0]);
    const total = row.births[0];
    if (total > row.women) throw new Error(`age ${row.age}: more births than women (one birth per woman is assumed)`);
    for (let i = 0; i < row.women; i += 1) {
      const village = villages[women % villages.length]!;
      const id = ids.next(born, '2');
      women += 1;
      register.push(JSON.stringify({ record_id: `W${women}`, id_number: id, name: nameOf(names++), sex: '2', birth_date: born, division: village, registered_on: addDays(born, 30) }));
      if (i >= total) continue;
      // The i-th birth of the age: its order from the table's counts, its day spread over the period.
      const order = i < counts[0]! ? 1 : i < counts[0]! + counts[1]! ? 2 : 3;
      const on = addDays(from, Math.floor(((i + 0.5) * days) / total));
      for (let k = 1; k < order; k += 1) {
        const childBorn = addDays(on, -400 * (order - k));
        const sex = (earlierChildren % 2 === 0 ? '1' : '2') as '1' | '2';
        earlierChildren += 1;
        earlier.push(JSON.stringify({ record_id: `C${earlierChildren}`, id_number: ids.next(childBorn, sex), name: nameOf(names++), sex, birth_date: childBorn, division: village, registered_on: addDays(childBorn, 30), mother_id_number: id }));
      }
      births += 1;
      birthRows.push(JSON.stringify({ record_id: `B${births}`, mother_id_number: id, child_sex: births % 2 === 0 ? '2' : '1', birth_date: on, birth_order: order, division: village }));
    }
  }
  const files: ManifestEntry[] = [];
  const write = (name: string, type: string, org: string, rows: readonly string[], submittedOn: string) => {
    fs.writeFileSync(path.join(dir, name), rows.join('\n') + '\n');
    files.push({ file: name, type, org, month: to.slice(0, 7), format: 'ndjson', kind: 'baseline', rows: rows.length, submitted_on: submittedOn });
  };
  // Mothers are registered before their children, and both before the births that name them.
  write('hukou_register-women.ndjson', 'hukou_register', police, register, addDays(from, -1));
  write('hukou_register-children.ndjson', 'hukou_register', police, earlier, addDays(from, -1));
  write('birth.ndjson', 'birth', health, birthRows, addDays(to, 1));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ source: table.source, url: table.url, files }, null, 2));
  return { women, births, earlierChildren, files };
}
