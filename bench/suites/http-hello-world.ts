/** Baseline: what Fastify itself serves on this machine, before any PopX code runs. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Figure, Suite } from '../lib/figure.js';
import { type HttpLoadResult, loadHttp } from '../lib/http-load.js';
import { median } from '../lib/measure.js';
import { pollPeakRss } from '../lib/peak-rss.js';

export const HTTP_HELLO_WORLD = 'http-hello-world';
/** Figure names later HTTP figures divide by. */
export const HTTP_REQUESTS_FIGURE = 'requests/s';
export const HTTP_P99_FIGURE = 'latency p99';

const CONNECTIONS = 50;
const SERVER_FILE = fileURLToPath(new URL('./hello-world-server.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface LoadPlan {
  warmupSeconds: number;
  seconds: number;
  runs: number;
}

/** 3 loads of 10 s after a 2 s warm-up; one 2 s load when quick. */
export function httpLoadPlan(quick: boolean): LoadPlan {
  return quick ? { warmupSeconds: 0.5, seconds: 2, runs: 1 } : { warmupSeconds: 2, seconds: 10, runs: 3 };
}

export const httpHelloWorldSuite: Suite = {
  name: HTTP_HELLO_WORLD,
  description:
    `Fastify 5 answering GET / with {"hello":"world"} in its own process on 127.0.0.1, loaded by ` +
    `autocannon from the harness process with ${CONNECTIONS} connections (2 cores: one for each ` +
    'side). The yardstick for HTTP figures.',
  async run(ctx) {
    const plan = httpLoadPlan(ctx.quick);
    const server = await startServer();
    const rss = pollPeakRss(server.child.pid ?? 0, 200);
    try {
      const url = `http://127.0.0.1:${server.port}/`;
      await loadHttp(url, { connections: CONNECTIONS, seconds: plan.warmupSeconds });
      const results: HttpLoadResult[] = [];
      for (let run = 0; run < plan.runs; run += 1) {
        ctx.log(`${HTTP_HELLO_WORLD}: load ${run + 1}/${plan.runs}, ${plan.seconds} s × ${CONNECTIONS} connections`);
        results.push(await loadHttp(url, { connections: CONNECTIONS, seconds: plan.seconds }));
      }
      return emitFigures(ctx.emit, results, plan, rss.stop());
    } finally {
      await stopServer(server.child);
    }
  },
};

function emitFigures(
  emit: (f: Figure) => Figure,
  results: HttpLoadResult[],
  plan: LoadPlan,
  serverPeakRss: number | undefined,
): Figure[] {
  const rps = median(results.map((r) => r.requestsPerSecond));
  const p99 = median(results.map((r) => r.p99Ms));
  const p50 = median(results.map((r) => r.p50Ms));
  const failures = results.reduce((n, r) => n + r.failures, 0);
  const total = results.reduce((n, r) => n + r.total, 0);
  const load = `${plan.runs} × ${plan.seconds} s at ${CONNECTIONS} connections after a ${plan.warmupSeconds} s warm-up`;
  const figures: Figure[] = [
    emit({
      suite: HTTP_HELLO_WORLD,
      name: HTTP_REQUESTS_FIGURE,
      value: rps,
      unit: 'req/s',
      size: total,
      notes: `median of ${load}; per run ${results.map((r) => Math.round(r.requestsPerSecond)).join(', ')}; ${failures} errors/timeouts/non-2xx`,
    }),
    emit({
      suite: HTTP_HELLO_WORLD,
      name: HTTP_P99_FIGURE,
      value: p99,
      unit: 'ms',
      size: total,
      notes: `median of per-run p99 (${results.map((r) => r.p99Ms.toFixed(2)).join(', ')} ms); p50 ${p50.toFixed(2)} ms`,
    }),
  ];
  if (serverPeakRss !== undefined) {
    figures.push(
      emit({
        suite: HTTP_HELLO_WORLD,
        name: 'server peak RSS',
        value: serverPeakRss / 1024 / 1024,
        unit: 'MiB',
        notes: 'VmHWM of the server process (Node + tsx loader + Fastify) over the whole load',
      }),
    );
  }
  return figures;
}

async function startServer(): Promise<{ child: ChildProcessWithoutNullStreams; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_FILE], { cwd: REPO_ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`hello-world server did not start in 20 s: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hello-world server exited (${code}) before listening: ${stderr}`));
    });
  });
  return { child, port };
}

async function stopServer(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
