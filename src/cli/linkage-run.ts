import fs from 'node:fs';
import os from 'node:os';
import {
  countClusters,
  formatPairsCsv,
  LinkageInputError,
  linkFiles,
  type FileLinkageOptions,
  type LinkageModel,
  type LinkageRunResult,
  type ReadOptions,
  type Thresholds,
} from '../registry/linkage/index.js';

export interface LinkageOptions {
  id: string;
  out?: string;
  map: string[];
  threshold?: string;
  review?: string;
  model?: string;
  modelOut?: string;
  workers?: string;
}

/** `popx dedupe FILE`: pairs of records of one file that are the same person. */
export async function runDedupe(file: string, options: LinkageOptions): Promise<void> {
  await runCommand(async () => {
    const result = await linkFiles([file], readOptions(options), await runOptions(options, [file]));
    return { result, verb: 'dedupe 查重', rightOffset: 0 };
  }, options);
}

/** `popx link FILE_A FILE_B`: pairs of records, one from each file, that are the same person. */
export async function runLink(fileA: string, fileB: string, options: LinkageOptions): Promise<void> {
  await runCommand(async () => {
    const result = await linkFiles([fileA, fileB], readOptions(options), await runOptions(options, [fileA, fileB]));
    return { result, verb: 'link 比对', rightOffset: result.splitAt };
  }, options);
}

function readOptions(options: LinkageOptions): ReadOptions {
  return { id: options.id, map: parseMap(options.map) };
}

async function runCommand(
  work: () => Promise<{ result: LinkageRunResult; verb: string; rightOffset: number }>,
  options: LinkageOptions,
): Promise<void> {
  try {
    const { result, verb, rightOffset } = await work();
    const matches = result.pairs.filter((p) => p.decision === 'match');
    const csv = formatPairsCsv(matches);
    if (options.out) fs.writeFileSync(options.out, csv);
    else process.stdout.write(csv);
    if (options.modelOut) fs.writeFileSync(options.modelOut, `${JSON.stringify(result.model)}\n`);
    const clusters = countClusters(
      matches.map((p) => [p.indexA, rightOffset + p.indexB] as const),
      result.stats.records,
    );
    printSummary(verb, result, matches.length, clusters);
  } catch (error) {
    if (!(error instanceof LinkageInputError)) throw error;
    process.stderr.write(`popx: ${error.message}\n      ${error.messageZh}\n`);
    process.exitCode = 2;
  }
}

async function runOptions(options: LinkageOptions, files: readonly string[]): Promise<FileLinkageOptions> {
  const run: FileLinkageOptions = { workers: workerCount(options.workers, files) };
  if (options.model) run.model = readModel(options.model);
  const base: Thresholds = run.model?.thresholds ?? { upper: 0.9, lower: 0.5 };
  const upper = options.threshold === undefined ? base.upper : probability('--threshold', options.threshold);
  const lower = options.review === undefined ? Math.min(base.lower, upper) : probability('--review', options.review);
  if (lower > upper)
    throw new LinkageInputError('--review must not exceed --threshold', '--review 不能大于 --threshold');
  run.thresholds = { upper, lower };
  return run;
}

/**
 * Files of this size or more are scored in `cores − 1` workers besides the main thread by
 * default: a worker prepares its own copy of the records, which small inputs (FEBRL's 10,000
 * records in 1 MiB) do not pay back.
 */
const WORKER_MIN_BYTES = 4 << 20;

function workerCount(raw: string | undefined, files: readonly string[]): number {
  if (raw !== undefined) {
    if (!/^\d{1,2}$/.test(raw))
      throw new LinkageInputError(
        `--workers takes a number of threads, got "${raw}"`,
        `--workers 须为线程数，收到"${raw}"`,
      );
    return Number(raw);
  }
  const bytes = files.reduce((sum, file) => sum + (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
  return bytes >= WORKER_MIN_BYTES ? Math.max(0, os.availableParallelism() - 1) : 0;
}

function readModel(file: string): LinkageModel {
  try {
    const model = JSON.parse(fs.readFileSync(file, 'utf8')) as LinkageModel;
    if (model.version !== 1 || !Array.isArray(model.comparisons)) throw new Error('not a linkage model');
    return model;
  } catch (error) {
    throw new LinkageInputError(
      `cannot use the model ${file}: ${(error as Error).message}`,
      `无法使用模型文件 ${file}：${(error as Error).message}`,
    );
  }
}

function probability(flag: string, raw: string): number {
  const value = Number(raw);
  if (!(value > 0 && value < 1))
    throw new LinkageInputError(
      `${flag} must be a probability between 0 and 1, got "${raw}"`,
      `${flag} 须为 0 到 1 之间的概率，收到"${raw}"`,
    );
  return value;
}

function parseMap(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1)
      throw new LinkageInputError(`--map takes field=column, got "${pair}"`, `--map 的格式为 字段=列名，收到"${pair}"`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

function printSummary(verb: string, result: LinkageRunResult, matches: number, clusters: number): void {
  const { stats } = result;
  const review = result.pairs.length - matches;
  const rate = Math.round(stats.comparisonsPerSecond).toLocaleString('en-US');
  process.stderr.write(
    `${verb}: ${stats.records.toLocaleString('en-US')} records 条记录, ${stats.candidatePairs.toLocaleString('en-US')} candidate pairs 候选对, ` +
      `${matches.toLocaleString('en-US')} matches 匹配 in ${clusters.toLocaleString('en-US')} clusters 组, ${review.toLocaleString('en-US')} to review 待复核; ` +
      `train 训练 ${(stats.trainMs / 1000).toFixed(1)} s, score 评分 ${(stats.scoreMs / 1000).toFixed(1)} s (${rate} pairs/s)\n`,
  );
}
