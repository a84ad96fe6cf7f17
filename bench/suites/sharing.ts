/**
 * Sharing: a department pulls an agreement's feed over HTTP (`popx pull`, 1M events) against
 * reading the same rows straight from the database, and ID-number look-ups under load against
 * the hello-world server of the same run.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { withBaseline, type Figure, type Suite } from '../lib/figure.js';
import { loadHttp, type HttpLoadResult } from '../lib/http-load.js';
import { median, perSecond } from '../lib/measure.js';
import { makePairRow } from '../lib/pair-rows.js';
import { formatMiB } from '../lib/peak-rss.js';
import { POPX_NODE_ARGS } from '../lib/popx-command.js';
import { runCommand } from '../lib/run-command.js';
import { HTTP_HELLO_WORLD, HTTP_P99_FIGURE, HTTP_REQUESTS_FIGURE, httpLoadPlan } from './http-hello-world.js';

export const SHARING = 'sharing';
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CONNECTIONS = 50;
const NAMES = ['李明', '王芳', '张伟', '陈静', '刘洋', '黄丽', '赵磊', '周敏'];

function villages(): string[] {
  return fs
    .readFileSync(path.join(ROOT, 'data', 'districts', '440606.csv'), 'utf8')
    .split('\n')
    .filter((line) => line.includes(',village,'))
    .map((line) => line.split(',')[0]!);
}

/** Women registered in the district (hukou_register), and the births of their children (hospital reports). */
function writeFiles(dir: string, women: number, births: number): { register: string; births: string; mothers: string[]; divisions: string[] } {
  const places = villages();
  const mothers: string[] = [];
  const divisions: string[] = [];
  const register = path.join(dir, 'women.csv');
  let text = 'record_id,id_number,name,sex,birth_date,division,registered_on\n';
  for (let i = 0; mothers.length < women; i += 1) {
    const { person } = makePairRow(i);
    if (person.sex !== '2' || person.birthDate > '2000-01-01' || person.birthDate < '1960-01-01') continue;
    const idNumber = `440606${person.idNumber.slice(6)}`;
    const body = idNumber.slice(0, 17);
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let k = 0; k < 17; k += 1) sum += Number(body[k]) * weights[k]!;
    const id = body + '10X98765432'[sum % 11];
    mothers.push(id);
    divisions.push(places[i % places.length]!);
    text += `W${i},${id},${person.name},2,${person.birthDate},${places[i % places.length]},2010-01-01\n`;
  }
  fs.writeFileSync(register, text);
  const birthFile = path.join(dir, 'births.ndjson');
  const out = fs.openSync(birthFile, 'w');
  let chunk = '';
  for (let i = 0; i < births; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    chunk += `{"record_id":"B${i}","mother_id_number":"${mothers[i % mothers.length]}","child_sex":"${1 + (i % 2)}","birth_date":"2025-${month}-${day}","child_name":"${NAMES[i % NAMES.length]}","division":"${places[i % places.length]}"}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return { register, births: birthFile, mothers, divisions };
}

async function popx(args: string[], env: NodeJS.ProcessEnv) {
  const result = await runCommand(process.execPath, [...POPX_NODE_ARGS, ...args], { cwd: ROOT, env: { ...process.env, POPX_LOG_LEVEL: 'silent', POPX_ADMIN_PASSWORD: 'Bench-Passw0rd-1', ...env }, timeoutMs: 3_600_000 });
  if (result.exitCode !== 0) throw new Error(`popx ${args.join(' ')} exited ${result.exitCode}: ${result.stderr.slice(0, 800)} ${result.stdout.slice(0, 400)}`);
  return result;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  return port;
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...POPX_NODE_ARGS, 'serve'], { cwd: ROOT, env: { ...process.env, POPX_LOG_LEVEL: 'silent', PORT: String(port), HOST: '127.0.0.1', ...env }, stdio: 'ignore' });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return child;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('popx serve did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux); undefined
 * elsewhere. Unlike wall time it hardly moves when other work shares the cores.
 */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Reads every birth entry straight from the ledger with better-sqlite3: the floor a feed cannot beat. */
function readLedgerDirect(file: string): { rows: number; ms: number } {
  const db = new Database(file, { readonly: true });
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  for (const row of db.prepare("select seq, type, action, record_id, refs_seq, org_code, event_date, committed_at, payload from ledger where type = 'birth' order by seq").iterate() as Iterable<{ payload: string }>) {
    rows += 1;
    bytes += row.payload.length;
  }
  const ms = performance.now() - started;
  db.close();
  if (bytes === 0) throw new Error('no payloads read');
  return { rows, ms };
}

export const sharingSuite: Suite = {
  name: SHARING,
  description:
    '`popx pull` of a district-wide agreement’s feed (1M births imported without registry projection; the server started with POPX_REGISTRY_AUTOPROJECT=0) (hospital births for the police) over HTTP on loopback from `popx serve` on SQLite, ' +
    'as a whole command writing NDJSON, against reading the same ledger rows straight from the database file with better-sqlite3 in the same run; ' +
    `then a hospital system’s ID-number look-ups (GET /api/v1/persons?id_number=…&purpose=…, under its agreement, each audited) under autocannon with ${CONNECTIONS} connections, against the hello-world server.`,
  dependsOn: [HTTP_HELLO_WORLD],
  async run(ctx) {
    const births = ctx.quick ? 20_000 : 1_000_000;
    const women = ctx.quick ? 2_000 : 100_000;
    const dir = path.join(ctx.tmpDir, 'sharing');
    fs.mkdirSync(dir, { recursive: true });
    const files = writeFiles(dir, women, births);
    const dbFile = path.join(dir, 'popx.db');
    const env = { DATABASE_URL: `sqlite:${dbFile}`, POPX_DATA_DIR: path.join(dir, 'data') };
    await popx(['init'], env);
    ctx.log(`${SHARING}: importing ${women} women (projected into the registry) and ${births} births (not projected)`);
    await popx(['import', files.register, '--type', 'hukou_register', '--org', 'PS-005'], env);
    // The births only feed the pull (a district-wide agreement reads up to the ledger head); the
    // server is started without projecting them, so the figures measure serving, not projection.
    await popx(['import', files.births, '--type', 'birth', '--org', 'HOSP-01', '--no-registry'], env);
    const police = (await popx(['token', 'create', '--org', 'POLICE', '--name', 'bench'], env)).stdout.trim();
    const hospital = (await popx(['token', 'create', '--org', 'HOSP-01', '--name', 'bench'], env)).stdout.trim();
    const figures: Figure[] = [];

    const direct = readLedgerDirect(dbFile);
    if (direct.rows !== births) throw new Error(`expected ${births} births in the ledger, found ${direct.rows}`);
    const directRate = perSecond(direct.rows, direct.ms);
    const baseline = ctx.emit({ suite: SHARING, name: 'ledger read straight from SQLite', value: directRate, unit: 'rows/s', size: direct.rows, notes: `better-sqlite3 iterate of the feed's columns, ${direct.ms.toFixed(0)} ms` });
    figures.push(baseline);

    const port = await freePort();
    const server = await startServer({ ...env, POPX_REGISTRY_AUTOPROJECT: '0', POPX_WEBHOOK_INTERVAL_MS: '0' }, port);
    try {
      const runs = ctx.quick ? 1 : 3;
      const times: number[] = [];
      let rss: number | undefined;
      const pullCpuStart = processCpuMs(server.pid);
      for (let run = 0; run < runs; run += 1) {
        const out = path.join(dir, `pull-${run}.ndjson`);
        ctx.log(`${SHARING}: popx pull ${births} events, run ${run + 1}/${runs}`);
        const result = await popx(['pull', '--agreement', 'AG-POLICE-BIRTHS', '--out', out, '--server', `http://127.0.0.1:${port}`, '--token', police], {});
        if (!result.stdout.includes(`pulled ${births} events`)) throw new Error(`pull: ${result.stdout}`);
        times.push(result.wallMs);
        rss = result.peakRssBytes;
        fs.rmSync(out);
        fs.rmSync(`${out}.cursor.json`);
      }
      const pullCpuEnd = processCpuMs(server.pid);
      const wall = median(times);
      figures.push(
        ctx.emit(
          withBaseline(
            { suite: SHARING, name: 'feed pull over HTTP', value: perSecond(births, wall), unit: 'events/s', size: births, notes: `median whole \`popx pull\` ${(wall / 1000).toFixed(2)} s of ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s incl. Node start-up; client peak RSS ${rss === undefined ? 'n/a' : formatMiB(rss)}` },
            baseline,
            'events/s pulled over HTTP into a file ÷ rows/s read straight from the database; 1 would be free',
          ),
        ),
      );

      if (pullCpuStart !== undefined && pullCpuEnd !== undefined) {
        figures.push(ctx.emit({ suite: SHARING, name: 'feed pull server CPU', value: ((pullCpuEnd - pullCpuStart) * 1000) / (births * runs), unit: 'µs/event', size: births * runs, notes: `user + system CPU of the server process over ${runs} pulls, from /proc (10 ms ticks); the figure to compare across runs on a loaded machine` }));
      }

      // A woman living in the hospital's catchment (大良, one of HOSP-01's towns).
      const index = files.divisions.findIndex((code, i) => i > files.mothers.length / 2 && code.startsWith('440606005'));
      const id = files.mothers[index]!;
      const url = `http://127.0.0.1:${port}/api/v1/persons?id_number=${id}&purpose=bench-2026`;
      const check = await fetch(url, { headers: { authorization: `Bearer ${hospital}` } });
      const body = (await check.json()) as { items?: unknown[] };
      if (!check.ok || !body.items || body.items.length !== 1) throw new Error(`look-up check failed: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
      const plan = httpLoadPlan(ctx.quick);
      const headers = { authorization: `Bearer ${hospital}` };
      await loadHttp(url, { connections: CONNECTIONS, seconds: plan.warmupSeconds, headers });
      const results: HttpLoadResult[] = [];
      const lookupCpuStart = processCpuMs(server.pid);
      for (let run = 0; run < plan.runs; run += 1) {
        ctx.log(`${SHARING}: ID look-ups, load ${run + 1}/${plan.runs}`);
        results.push(await loadHttp(url, { connections: CONNECTIONS, seconds: plan.seconds, headers }));
      }
      const lookupCpuEnd = processCpuMs(server.pid);
      const failures = results.reduce((n, r) => n + r.failures, 0);
      const rps = median(results.map((r) => r.requestsPerSecond));
      const p99 = median(results.map((r) => r.p99Ms));
      const hello = ctx.findFigure(HTTP_HELLO_WORLD, HTTP_REQUESTS_FIGURE);
      const helloP99 = ctx.findFigure(HTTP_HELLO_WORLD, HTTP_P99_FIGURE);
      const rpsFigure: Figure = { suite: SHARING, name: 'ID look-ups', value: rps, unit: 'req/s', size: results.reduce((n, r) => n + r.total, 0), notes: `median of ${plan.runs} × ${plan.seconds} s at ${CONNECTIONS} connections; ${failures} errors/non-2xx; ${women} registered women in the registry, ${births} births in the ledger` };
      const p99Figure: Figure = { suite: SHARING, name: 'ID look-ups p99', value: p99, unit: 'ms', notes: `median of per-run p99 (${results.map((r) => r.p99Ms.toFixed(2)).join(', ')} ms)` };
      figures.push(ctx.emit(hello ? withBaseline(rpsFigure, hello, 'look-ups/s ÷ hello-world requests/s; goal ≥ 0.5') : rpsFigure));
      figures.push(ctx.emit(helloP99 ? withBaseline(p99Figure, helloP99, 'look-up p99 ÷ hello-world p99; goal ≤ 2') : p99Figure));
      const requests = results.reduce((n, r) => n + r.total, 0);
      if (lookupCpuStart !== undefined && lookupCpuEnd !== undefined && requests > 0) {
        figures.push(ctx.emit({ suite: SHARING, name: 'ID look-up server CPU', value: ((lookupCpuEnd - lookupCpuStart) * 1000) / requests, unit: 'µs/request', size: requests, notes: `user + system CPU of the server process over the ${plan.runs} loads (warm-up excluded), from /proc (10 ms ticks)` }));
      }
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    return figures;
  },
};
