import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../platform/identity/index.js';
import { validateFile, type ValidateFileInput, type ValidationMessage } from './validate-file.js';
import { validateFileInWorker } from './validate-file-in-worker.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-worker-'));
const id = (body17: string) => body17 + idCheckChar(body17);

/** A birth file of `rows` rows where every seventh row has a wrong check digit and every eleventh shifted cells. */
function writeBirths(name: string, rows: number): string {
  const file = path.join(dir, name);
  const lines = ['记录编号,操作,母亲公民身份号码,婴儿性别,出生日期,母亲姓名,孩次'];
  for (let i = 0; i < rows; i += 1) {
    const mother = id(
      `4406061990${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + (i % 800)).slice(-3)}`,
    );
    const shown = i % 7 === 3 ? mother.slice(0, 17) + (mother[17] === '9' ? '8' : '9') : mother;
    const extra = i % 11 === 5 ? ',stray' : '';
    lines.push(
      `K-${i},,${shown},${i % 2 === 0 ? '男' : '女'},2025-0${1 + (i % 9)}-1${i % 10},陈丽,${1 + (i % 3)}${extra}`,
    );
  }
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

function input(filePath: string, type = 'birth'): ValidateFileInput {
  return {
    filePath,
    filename: path.basename(filePath),
    type,
    orgType: 'health',
    today: '2026-11-29',
    ownDivisions: ['440606000000'],
  };
}

async function collect(messages: AsyncIterable<ValidationMessage>): Promise<ValidationMessage[]> {
  const all: ValidationMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('validating a file in a worker thread', () => {
  it('yields exactly what validating in this thread yields: batches, issues, payloads and hashes', async () => {
    const file = writeBirths('births.csv', 5_500);
    const inThread = await collect(validateFile(input(file)));
    const inWorker = await collect(validateFileInWorker(input(file)));
    expect(inWorker).toEqual(inThread);
    const batches = inThread.flatMap((m) => (m.kind === 'batch' ? [m.batch] : []));
    expect(batches.map((b) => b.received)).toEqual([1000, 1000, 1000, 1000, 1000, 500]);
    expect(batches.reduce((sum, b) => sum + b.rejected, 0)).toBeGreaterThan(0);
    expect(batches[0]!.payloadHashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(inThread.at(-1)).toEqual({ kind: 'end', encoding: 'utf-8' });
  });

  it('yields the same COPY text of the accepted rows as validating in this thread, for PostgreSQL', async () => {
    const file = writeBirths('births-copy.csv', 2_500);
    const inThread = await collect(validateFile({ ...input(file), copyText: true }));
    const inWorker = await collect(validateFileInWorker({ ...input(file), copyText: true }));
    expect(inWorker).toEqual(inThread);
    const batch = inThread.flatMap((m) => (m.kind === 'batch' ? [m.batch] : []))[0]!;
    expect(batch.payloads).toEqual([]);
    expect(batch.copyEnds).toHaveLength(batch.recordIds.length);
    const firstLine = Buffer.from(batch.copyText!.subarray(0, batch.copyEnds![0])).toString('utf8');
    expect(firstLine).toMatch(new RegExp(`^birth\tcreate\t${batch.recordIds[0]}\t.*\t${batch.payloadHashes[0]}\t\{.*\}\n$`));
  });

  it('ends right after opening a file that lacks required columns', async () => {
    const file = path.join(dir, 'columns.csv');
    fs.writeFileSync(file, 'record_id\nR1\n');
    const messages = await collect(validateFileInWorker(input(file, 'hukou_move_out')));
    expect(messages).toEqual(await collect(validateFile(input(file, 'hukou_move_out'))));
    expect(messages).toMatchObject([
      { kind: 'open', missingRequiredColumns: ['id_number', 'moved_on'] },
      { kind: 'end' },
    ]);
  });

  it('passes a file that cannot be read on as the same file error', async () => {
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const inWorker = await collect(validateFileInWorker(input(empty)));
    expect(inWorker).toEqual(await collect(validateFile(input(empty))));
    expect(inWorker).toMatchObject([{ kind: 'file-error', error: { code: 'EMPTY_FILE' } }]);
  });

  it('yields the rows read before a file turns unreadable, then the file error', async () => {
    const broken = path.join(dir, 'broken.csv');
    fs.writeFileSync(
      broken,
      Buffer.concat([
        Buffer.from(`record_id,id_number,moved_on\n${'R,1,2\n'.repeat(40_000)}`),
        Buffer.from([0x81, 0x20, 0xff, 0x0a]),
      ]),
    );
    const messages = await collect(validateFileInWorker(input(broken, 'hukou_move_out')));
    expect(messages).toEqual(await collect(validateFile(input(broken, 'hukou_move_out'))));
    expect(messages.at(-1)).toMatchObject({ kind: 'file-error', error: { code: 'ENCODING' } });
    expect(messages.filter((m) => m.kind === 'batch').length).toBeGreaterThan(0);
  });

  it('throws what the worker throws, and does not hang', async () => {
    const file = writeBirths('small.csv', 10);
    await expect(collect(validateFileInWorker(input(file, 'no_such_type')))).rejects.toThrow(
      'unknown event type no_such_type',
    );
  });

  it('stops the worker when the reader breaks off, with batches still unread', async () => {
    const file = writeBirths('large.csv', 30_000);
    const messages = validateFileInWorker(input(file));
    expect((await messages.next()).value).toMatchObject({ kind: 'open' });
    expect((await messages.next()).value).toMatchObject({ kind: 'batch' });
    await messages.return(undefined);
    expect(await messages.next()).toEqual({ done: true, value: undefined });
  });
});
