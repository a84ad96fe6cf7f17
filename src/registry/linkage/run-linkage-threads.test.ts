import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkRecord } from './link-record.js';
import { dedupeRecords, linkRecords, type LinkageRunResult } from './run-linkage.js';
import { linkFiles } from './run-linkage-threads.js';
import { generateChineseRecords } from './synthetic/chinese-records.js';

const COLUMNS = 'id,name,sex,birth_date,id_number,division,address,mother_id_number';

function writeCsv(file: string, records: readonly LinkRecord[]): void {
  const cell = (v: string | undefined) => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = records.map((r) =>
    [r.id, r.name, r.sex, r.birthDate, r.idNumber, r.division, r.address, r.motherIdNumber].map(cell).join(','),
  );
  fs.writeFileSync(file, `${COLUMNS}\n${rows.join('\n')}\n`);
}

/** Everything a run's output shows, in its order: pairs with exact weights, and the counts. */
function outcome(result: LinkageRunResult) {
  return {
    pairs: result.pairs.map((p) => [p.a, p.b, p.indexA, p.indexB, p.weight, p.decision]),
    candidatePairs: result.stats.candidatePairs,
    records: result.stats.records,
    model: result.model,
  };
}

describe('linkage scored in worker threads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-linkage-threads-'));
  const { records } = generateChineseRecords({ persons: 3000, seed: 17 });
  const file = path.join(dir, 'persons.csv');
  const left = path.join(dir, 'a.csv');
  const right = path.join(dir, 'b.csv');
  writeCsv(file, records);
  writeCsv(
    left,
    records.filter((r) => r.id.endsWith('-0')),
  );
  writeCsv(
    right,
    records.filter((r) => !r.id.endsWith('-0')),
  );
  const options = { maxUPairs: 50_000 };

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the same pairs with the same weights, in the same order, in workers as in one thread', async () => {
    const single = await linkFiles([file], { id: 'id' }, { ...options, workers: 0 });
    const threaded = await linkFiles([file], { id: 'id' }, { ...options, workers: 2, workersOnly: true });
    expect(threaded.rangesScoredInWorkers).toBeGreaterThan(1);
    expect(single.rangesScoredInWorkers).toBe(0);
    expect(single.pairs.length).toBeGreaterThan(1000);
    expect(outcome(threaded)).toEqual(outcome(single));
    // The main thread and a worker sharing the ranges as they come: still the same.
    expect(outcome(await linkFiles([file], { id: 'id' }, { ...options, workers: 1 }))).toEqual(outcome(single));
  });

  it('gives dedupe and link of files the results of dedupeRecords and linkRecords on the same records', async () => {
    expect(outcome(await linkFiles([file], { id: 'id' }, { ...options, workers: 0 }))).toEqual(
      outcome(dedupeRecords(records, options)),
    );
    const linked = await linkFiles([left, right], { id: 'id' }, { ...options, workers: 1, workersOnly: true });
    expect(linked.rangesScoredInWorkers).toBeGreaterThan(0);
    expect(linked.splitAt).toBe(records.filter((r) => r.id.endsWith('-0')).length);
    expect(outcome(linked)).toEqual(
      outcome(
        linkRecords(
          records.filter((r) => r.id.endsWith('-0')),
          records.filter((r) => !r.id.endsWith('-0')),
          options,
        ),
      ),
    );
  });

  it('rejects an unreadable file without leaving a worker running', async () => {
    await expect(linkFiles([path.join(dir, 'missing.csv')], { id: 'id' }, { workers: 1 })).rejects.toThrow(
      /no such file/,
    );
  });
});
