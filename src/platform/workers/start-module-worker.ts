import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) that sits beside the module at `besideUrl`
 * (the caller's `import.meta.url`): `.js` in the compiled build; `.ts` under tsx or vitest, where
 * the worker first registers tsx's loader (an `--import tsx` in a worker's execArgv does not reach
 * the worker's own entry module on Node 20).
 */
export function startModuleWorker(besideUrl: string, name: string, options: WorkerOptions): Worker {
  if (!besideUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, besideUrl), options);
  const entry = JSON.stringify(new URL(`./${name}.ts`, besideUrl).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(boot, { ...options, eval: true });
}
