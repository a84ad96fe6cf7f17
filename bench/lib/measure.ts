/** Wall-clock timing: run a function several times and keep the median. */

export interface MeasureOptions<S> {
  /** Untimed runs first, so JIT and caches are warm. */
  warmup?: number;
  /** Timed runs; the median is the figure. */
  repeats?: number;
  /** Untimed setup before every run (warmup included); its result is passed to the function. */
  before?: () => S | Promise<S>;
  /** Untimed cleanup after every run. */
  after?: (state: S) => void | Promise<void>;
}

export interface Measurement {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
  /** (max − min) ÷ median: how much the repeats disagreed. */
  spread: number;
}

/**
 * Times `fn` with `process.hrtime.bigint()` and returns the median wall time of the repeats.
 * A function that must do untimed work inside its run (e.g. generating each batch before
 * inserting it) times its own part with a `Stopwatch` and returns the milliseconds: a number
 * returned by `fn` replaces the wall time around it.
 */
export async function measure<S = undefined>(
  fn: (state: S) => unknown,
  options: MeasureOptions<S> = {},
): Promise<Measurement> {
  const warmup = options.warmup ?? 1;
  const repeats = Math.max(1, options.repeats ?? 5);
  const samplesMs: number[] = [];
  for (let i = 0; i < warmup + repeats; i += 1) {
    const state = (options.before ? await options.before() : undefined) as S;
    try {
      const start = process.hrtime.bigint();
      const returned = await fn(state);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const elapsedMs = typeof returned === 'number' ? returned : wallMs;
      if (i >= warmup) samplesMs.push(elapsedMs);
    } finally {
      await options.after?.(state);
    }
  }
  return summarize(samplesMs);
}

/** Adds up the time spent inside `time`/`timeAsync`, leaving the work between them off the clock. */
export class Stopwatch {
  private totalNs = 0n;

  time<T>(fn: () => T): T {
    const start = process.hrtime.bigint();
    try {
      return fn();
    } finally {
      this.totalNs += process.hrtime.bigint() - start;
    }
  }

  async timeAsync<T>(fn: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await fn();
    } finally {
      this.totalNs += process.hrtime.bigint() - start;
    }
  }

  get elapsedMs(): number {
    return Number(this.totalNs) / 1e6;
  }
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  return summarize(values).medianMs;
}

/** Median, extremes and spread of a list of samples (milliseconds). */
export function summarize(samplesMs: readonly number[]): Measurement {
  if (samplesMs.length === 0) throw new Error('summarize needs at least one sample');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const minMs = sorted[0]!;
  const maxMs = sorted[sorted.length - 1]!;
  return { medianMs, minMs, maxMs, samplesMs: [...samplesMs], spread: (maxMs - minMs) / medianMs };
}

/** Items per second for `count` items done in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms;
}

/** "median of 5 runs (1.21–1.35 s, spread 11%)", for a figure's notes. */
export function describeMeasurement(m: Measurement): string {
  const runs = m.samplesMs.length;
  if (runs === 1) return `1 run (${formatDuration(m.medianMs)})`;
  return (
    `median of ${runs} runs (${formatDuration(m.minMs)}–${formatDuration(m.maxMs)}, ` +
    `spread ${(m.spread * 100).toFixed(0)}%)`
  );
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
