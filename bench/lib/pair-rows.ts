/**
 * Synthetic person + event rows (a "pair"), the unit the storage baselines insert. Shaped like
 * what ingestion writes for a `hukou_move_in` record: a person row and a ledger event whose
 * payload is the record as JSON (about 300 bytes of UTF-8).
 *
 * ID numbers arrive in random key order by default, as records from departments do: inserting
 * them in key order (`idOrder: 'key'`) is about twice as fast at 1M rows, because the primary-key
 * B-tree is then only ever appended to.
 */

export interface PersonRow {
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  division: string;
}

export interface EventRow {
  seq: number;
  type: string;
  recordId: string;
  personId: string;
  payload: string;
}

export interface PairRow {
  person: PersonRow;
  event: EventRow;
}

const DISTRICT_CODE = '440106';
const DIVISIONS = ['440106001001', '440106001002', '440106002003', '440106003001', '440106004005'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟'];
const STREETS = ['天河路', '体育西路', '中山大道', '黄埔大道', '林和西路'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const DAYS_OF_BIRTH = 36_500;
/** Distinct IDs the generator can make: birth day × 1000 order codes (odd = male). */
const ID_SPACE = DAYS_OF_BIRTH * 1_000;
/** Coprime with ID_SPACE, so `i × SCRAMBLE mod ID_SPACE` is a bijection (and exact in doubles). */
const ID_SCRAMBLE = 15_485_863;
const EPOCH_1925_MS = Date.UTC(1925, 0, 1);
const DAY_MS = 86_400_000;

/** In which order person ID numbers come: scattered over the key space, or ascending. */
export type IdOrder = 'random' | 'key';

/** Pairs `offset … offset + count − 1`; the same index and order always give the same pair. */
export function generatePairRows(count: number, offset = 0, idOrder: IdOrder = 'random'): PairRow[] {
  const rows = new Array<PairRow>(count);
  for (let i = 0; i < count; i += 1) rows[i] = makePairRow(offset + i, idOrder);
  return rows;
}

/** Pairs per transaction in every storage baseline (and the batch generated before each clock). */
export const PAIRS_PER_BATCH = 10_000;

/** The pair at index `i`, with a valid 18-character ID that is unique for i < 36.5 million. */
export function makePairRow(i: number, idOrder: IdOrder = 'random'): PairRow {
  if (i >= ID_SPACE) throw new RangeError(`pair index ${i} is beyond the ${ID_SPACE} distinct IDs`);
  const p = idOrder === 'key' ? i : (i * ID_SCRAMBLE) % ID_SPACE;
  // p = day × 1000 + order code, so ascending p is ascending ID number.
  const order = p % 1_000;
  const isMale = order % 2 === 1;
  const birthDate = new Date(EPOCH_1925_MS + Math.floor(p / 1_000) * DAY_MS).toISOString().slice(0, 10);
  const idBody = `${DISTRICT_CODE}${birthDate.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
  const idNumber = idBody + checkCharacter(idBody);
  const name = SURNAMES[p % SURNAMES.length]! + GIVEN[(p * 7) % GIVEN.length]!;
  const sex = isMale ? '1' : '2';
  const division = DIVISIONS[i % DIVISIONS.length]!;
  const recordId = `PS-2024-${String(i).padStart(10, '0')}`;
  const payload = JSON.stringify({
    record_id: recordId,
    action: 'create',
    id_number: idNumber,
    name,
    sex,
    birth_date: birthDate,
    division,
    moved_on: '2024-03-05',
    from_division: '440105002001',
    reason: '2',
    household_number: `H${String(i % 400_000).padStart(9, '0')}`,
    address: `广州市天河区${STREETS[i % STREETS.length]!}${(i % 300) + 1}号${(i % 30) + 1}01房`,
  });
  return {
    person: { idNumber, name, sex, birthDate, division },
    event: { seq: i + 1, type: 'hukou_move_in', recordId, personId: idNumber, payload },
  };
}

function checkCharacter(body17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k += 1) sum += Number(body17[k]) * ID_WEIGHTS[k]!;
  return ID_CHECK[sum % 11]!;
}
