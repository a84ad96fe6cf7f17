/**
 * Evaluates the record-linkage engine (docs/LINKAGE.md): dedupe on FEBRL 1–3, link on FEBRL
 * 4a×4b and on synthetic Chinese records, all unsupervised (the truth is used for scoring
 * only), then a speed run on a large synthetic set against a same-run baseline loop.
 *
 *   npm run eval:linkage                      FEBRL + Chinese (20,000 persons) + speed (60,000 persons ≈ 100k records)
 *   npm run eval:linkage -- --scale 600000    speed run on ≈ 1,000,000 records
 *   npm run eval:linkage -- --only febrl      skip the synthetic and speed runs
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { preparedBlockingKeys } from '../src/registry/linkage/blocking-keys.js';
import { buildBlocks, forEachCandidatePair, visitCandidatePairs } from '../src/registry/linkage/candidate-pairs.js';
import { evaluatePairs, type PairwiseQuality } from '../src/registry/linkage/evaluation/evaluate-pairs.js';
import { febrlDirectory, febrlEntities, hasFebrlData } from '../src/registry/linkage/evaluation/febrl-files.js';
import {
  dedupeRecords,
  linkRecords,
  readLinkRecords,
  type LinkRecord,
  type LinkageRunResult,
} from '../src/registry/linkage/index.js';
import { prepareRecord } from '../src/registry/linkage/prepare-record.js';
import { compileModel, scorePreparedPair } from '../src/registry/linkage/score-pair.js';
import { generateChineseRecords } from '../src/registry/linkage/synthetic/chinese-records.js';

const THRESHOLDS = [0.5, 0.9, 0.99];
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '60000' },
    only: { type: 'string' },
    persons: { type: 'string', default: '20000' },
  },
});

function row(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

function fixed(value: number, digits = 4): string {
  return value.toFixed(digits);
}

/** Quality at each threshold, blocking recall (true pairs among candidates) and timings. */
function report(
  name: string,
  result: LinkageRunResult,
  left: Map<string, string>,
  right?: Map<string, string>,
  blockingRecall?: number,
): void {
  const { stats } = result;
  for (const threshold of THRESHOLDS) {
    const q: PairwiseQuality = evaluatePairs(
      result.pairs.filter((p) => p.probability >= threshold),
      left,
      right,
    );
    console.log(
      row([
        name,
        threshold === 0.9 ? `**${threshold}** (default)` : threshold,
        q.truePairs,
        q.truePositives,
        q.falsePositives,
        q.falseNegatives,
        fixed(q.precision),
        fixed(q.recall),
        threshold === 0.9 ? `**${fixed(q.f1)}**` : fixed(q.f1),
        stats.candidatePairs.toLocaleString('en-US'),
        blockingRecall === undefined ? '' : fixed(blockingRecall),
        (stats.trainMs / 1000).toFixed(1),
        (stats.scoreMs / 1000).toFixed(2),
      ]),
    );
  }
}

function blockingRecall(
  records: readonly LinkRecord[],
  entities: Map<string, string>,
  splitAt = 0,
  rightEntities?: Map<string, string>,
): number {
  const prepared = records.map(prepareRecord);
  const keys = prepared.map(preparedBlockingKeys);
  const pairs: Array<{ a: string; b: string }> = [];
  forEachCandidatePair(
    (i) => keys[i]!,
    prepared.length,
    (i, j) => pairs.push({ a: prepared[i]!.id, b: prepared[j]!.id }),
    { splitAt },
  );
  return evaluatePairs(pairs, entities, rightEntities).recall;
}

async function evaluateFebrl(): Promise<void> {
  if (!hasFebrlData()) throw new Error(`FEBRL data not found in ${febrlDirectory()} (set POPX_FEBRL_DIR)`);
  const file = (name: string) => path.join(febrlDirectory(), name);
  for (const set of ['1', '2', '3']) {
    const { records } = await readLinkRecords(file(`dataset${set}.csv`), { id: 'rec_id' });
    const entities = febrlEntities(records);
    report(
      `FEBRL ${set} dedupe`,
      dedupeRecords(records, { thresholds: { upper: 0.9, lower: 0.5 } }),
      entities,
      undefined,
      blockingRecall(records, entities),
    );
  }
  const left = (await readLinkRecords(file('dataset4a.csv'), { id: 'rec_id' })).records;
  const right = (await readLinkRecords(file('dataset4b.csv'), { id: 'rec_id' })).records;
  const le = febrlEntities(left);
  const re = febrlEntities(right);
  report(
    'FEBRL 4a×4b link',
    linkRecords(left, right, { thresholds: { upper: 0.9, lower: 0.5 } }),
    le,
    re,
    blockingRecall([...left, ...right], le, left.length, re),
  );
}

function evaluateChinese(persons: number): void {
  const { records, entities } = generateChineseRecords({ persons, seed: 2024 });
  report(
    `Chinese synthetic dedupe (${records.length.toLocaleString('en-US')} records)`,
    dedupeRecords(records, { thresholds: { upper: 0.9, lower: 0.5 } }),
    entities,
    undefined,
    blockingRecall(records, entities),
  );
  const withoutIds = records.map(({ idNumber: _id, ...rest }) => rest);
  report(
    'same, every ID number removed',
    dedupeRecords(withoutIds, { thresholds: { upper: 0.9, lower: 0.5 } }),
    entities,
    undefined,
    blockingRecall(withoutIds, entities),
  );
  const left = records.filter((r) => r.id.endsWith('-0'));
  const right = records.filter((r) => r.id.endsWith('-1'));
  const le = new Map(left.map((r) => [r.id, entities.get(r.id)!]));
  const re = new Map(right.map((r) => [r.id, entities.get(r.id)!]));
  report(
    'Chinese synthetic link (copy 0 × copy 1)',
    linkRecords(left, right, { thresholds: { upper: 0.9, lower: 0.5 } }),
    le,
    re,
    blockingRecall([...left, ...right], le, left.length, re),
  );
}

/**
 * Speed at scale: the whole run, then, over the same prebuilt blocks, the scoring loop against
 * a bare loop comparing six fields by exact string equality (the floor any matcher pays to
 * visit the pairs and touch the records).
 */
function measureSpeed(persons: number): void {
  const started = performance.now();
  const { records, entities } = generateChineseRecords({ persons, seed: 99 });
  const generated = performance.now() - started;
  const runStart = performance.now();
  const result = dedupeRecords(records);
  const runMs = performance.now() - runStart;
  const q = evaluatePairs(
    result.pairs.filter((p) => p.decision === 'match'),
    entities,
  );
  const { stats, model } = result;
  const prepared = records.map(prepareRecord);
  const keys = prepared.map(preparedBlockingKeys);
  const blockStart = performance.now();
  const blocks = buildBlocks((i) => keys[i]!, prepared.length);
  const blockMs = performance.now() - blockStart;
  const compiled = compileModel(model);
  let total = 0;
  const scoreStart = performance.now();
  const visited = visitCandidatePairs(
    blocks,
    (i, j) => (total += scorePreparedPair(model, compiled, prepared[i]!, prepared[j]!)),
  ).pairs;
  const scoreMs = performance.now() - scoreStart;
  let agreements = 0;
  const baselineStart = performance.now();
  visitCandidatePairs(blocks, (i, j) => {
    const a = prepared[i]!;
    const b = prepared[j]!;
    if (a.fullName?.text === b.fullName?.text) agreements += 1;
    if (a.birthDate === b.birthDate) agreements += 1;
    if (a.sex === b.sex) agreements += 1;
    if (a.idNumber === b.idNumber) agreements += 1;
    if (a.address === b.address) agreements += 1;
    if (a.motherIdNumber === b.motherIdNumber) agreements += 1;
  });
  const baselineMs = performance.now() - baselineStart;
  const memory = process.memoryUsage();
  const rate = (pairs: number, ms: number) => `${Math.round(pairs / (ms / 1000)).toLocaleString('en-US')} pairs/s`;
  console.log(
    `records ${records.length.toLocaleString('en-US')} (generated in ${(generated / 1000).toFixed(1)} s); candidate pairs ${stats.candidatePairs.toLocaleString('en-US')} (${(stats.candidatePairs / records.length).toFixed(1)} per record); oversized blocks skipped ${stats.oversizedBlocks}`,
  );
  console.log(
    `dedupeRecords wall time ${(runMs / 1000).toFixed(1)} s = prepare + block + train ${(stats.trainMs / 1000).toFixed(1)} s + score ${(stats.scoreMs / 1000).toFixed(1)} s (${rate(stats.candidatePairs, stats.scoreMs)})`,
  );
  console.log(
    `same blocks, separately: building them ${(blockMs / 1000).toFixed(1)} s; scoring loop ${(scoreMs / 1000).toFixed(2)} s (${rate(visited, scoreMs)}); baseline loop, 6 exact string comparisons ${(baselineMs / 1000).toFixed(2)} s (${rate(visited, baselineMs)}) [${agreements > 0 && total !== 0 ? 'checked' : '-'}]`,
  );
  console.log(
    `quality at 0.9: P ${fixed(q.precision)} R ${fixed(q.recall)} F1 ${fixed(q.f1)}; heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB`,
  );
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
const header = row([
  'run',
  'threshold',
  'true pairs',
  'TP',
  'FP',
  'FN',
  'precision',
  'recall',
  'F1',
  'candidate pairs',
  'blocking recall',
  'train s',
  'score s',
]);
console.log(
  `${header}\n${row(
    header
      .split('|')
      .slice(1, -1)
      .map(() => '---'),
  )}`,
);
if (values.only !== 'chinese' && values.only !== 'speed') await evaluateFebrl();
if (values.only !== 'febrl' && values.only !== 'speed') evaluateChinese(Number(values.persons));
if (values.only !== 'febrl' && values.only !== 'chinese') {
  console.log('');
  measureSpeed(Number(values.scale));
}
