import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPopx } from '../../../test/cli.js';
import { buildTestApp, createTestToken } from '../../../test/http-helpers.js';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { chunkLines, chunkOf, httpFeedSource, pullFeed, seqOf, type FeedSource } from './pull-feed.js';
import { feedColumns } from '../feeds/feed-columns.js';
import { PullTarget, readCursor } from './pull-target.js';

const MOTHER = '44060619920315002' + idCheckChar('44060619920315002');
const AGREEMENT = 'AG-POLICE-BIRTHS';

describe.each(DIALECTS)('popx pull on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let server: string;
  let token: string;
  let dir: string;
  let next = 0;

  const births = async (count: number) => {
    const rows = Array.from({ length: count }, () => {
      next += 1;
      return { record_id: `R${next}`, mother_id_number: MOTHER, child_sex: '1', birth_date: '2025-07-30', child_name: `李${'一二三四五六七八九十'[next % 10]}` };
    });
    await submitRows(t.ctx, 'HOSP-01', 'birth', rows);
  };
  const lines = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number; recordId: string });

  beforeAll(async () => {
    t = await createTestContext(dialect, { webhookIntervalMs: 0 });
    app = await buildTestApp(t.ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    server = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    token = (await createTestToken(t.ctx, 'POLICE')).secret;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popx-pull-'));
    await births(25);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pulls the feed with the command, then only what is new', async () => {
    const out = path.join(dir, 'births.ndjson');
    const first = await runPopx(['pull', '--agreement', AGREEMENT, '--out', out, '--server', server, '--token', token], {});
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/pulled 25 events/);
    expect(lines(out)).toHaveLength(25);
    await births(5);
    const second = await runPopx(['pull', '--agreement', AGREEMENT, '--out', out, '--server', server, '--token', token], {});
    expect(second.stdout).toMatch(/pulled 5 events/);
    const all = lines(out);
    expect(all.map((l) => l.recordId)).toEqual(Array.from({ length: 30 }, (_, i) => `R${i + 1}`));
    expect(readCursor(out)!.next).toBe(all.at(-1)!.seq);
  });

  it('resumes after an interruption without losing or repeating an event', async () => {
    const out = path.join(dir, 'interrupted.ndjson');
    const source = httpFeedSource(server, token, AGREEMENT);
    // A source that dies after two small chunks, as a dropped connection would.
    const dying: FeedSource = async function* (after, limit) {
      let chunks = 0;
      for await (const chunk of source(after, limit)) {
        const all = chunkLines(chunk);
        for (let i = 0; i < all.length; i += 4) {
          if (chunks++ === 2) throw new Error('connection reset');
          const part = all.slice(i, i + 4);
          yield chunkOf(part, seqOf(part.at(-1)!), null);
        }
      }
    };
    const target = new PullTarget(out, 'ndjson', AGREEMENT, feedColumns({}));
    await expect(pullFeed(dying, target, target.open(undefined))).rejects.toThrow('connection reset');
    // Events written after the last checkpoint are on disk but not covered by the cursor.
    expect(lines(out).length).toBe(8);
    expect(readCursor(out)).toBeNull();
    // A torn last line, as a crash mid-write leaves.
    fs.appendFileSync(out, '{"seq":99,"ty');
    const again = new PullTarget(out, 'ndjson', AGREEMENT, feedColumns({}));
    const result = await pullFeed(source, again, again.open(undefined));
    expect(result.events).toBe(30);
    const all = lines(out);
    expect(all.map((l) => l.recordId)).toEqual(Array.from({ length: 30 }, (_, i) => `R${i + 1}`));
    expect(new Set(all.map((l) => l.seq)).size).toBe(30);
  });

  it('writes CSV for Excel (BOM, Chinese headers, formulas neutralised) and XLSX', async () => {
    await submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: '=1+2', mother_id_number: MOTHER, child_sex: '2', birth_date: '2025-07-31', child_name: '李雪' }]);
    const csv = path.join(dir, 'births.csv');
    const result = await runPopx(['pull', '--agreement', AGREEMENT, '--out', csv, '--server', server, '--token', token], {});
    expect(result.code).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('母亲公民身份号码');
    expect(text).toContain(",'=1+2,");
    expect(text.trim().split('\r\n')).toHaveLength(32);
    const xlsx = path.join(dir, 'births.xlsx');
    const workbook = await runPopx(['pull', '--agreement', AGREEMENT, '--out', xlsx, '--server', server, '--token', token], {});
    expect(workbook.code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(readCursor(xlsx)!.next).toBeGreaterThan(0);
  });

  it('says clearly when the token has no such agreement', async () => {
    const other = (await createTestToken(t.ctx, 'HOSP-02')).secret;
    const result = await runPopx(['pull', '--agreement', AGREEMENT, '--out', path.join(dir, 'x.ndjson'), '--server', server, '--token', other], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NO_AGREEMENT/);
  });
});
