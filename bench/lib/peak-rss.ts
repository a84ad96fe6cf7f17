/** Peak resident memory: this process's high-water mark, or another process's from /proc. */
import fs from 'node:fs';

/** A field of /proc/<pid>/status in bytes (VmHWM = peak RSS, VmRSS = current), if readable. */
export function readProcStatusBytes(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : undefined;
}

export interface PeakRssTracker {
  /** Takes a sample now; call it between batches of synchronous work, which timers cannot see. */
  sample(): void;
  /** Stops sampling and returns the peak RSS in bytes seen since the tracker started. */
  stop(): number;
  /** "VmHWM" when the kernel's high-water mark could be reset, else "sampled". */
  method: 'VmHWM' | 'sampled';
}

/**
 * Tracks this process's peak RSS from now on. On Linux the kernel's high-water mark is reset
 * (`5` into /proc/self/clear_refs) so VmHWM covers exactly this span, synchronous work included;
 * elsewhere `process.memoryUsage.rss()` is sampled every `intervalMs` and on `sample()`.
 */
export function trackPeakRss(intervalMs = 50): PeakRssTracker {
  const method = resetHighWaterMark() ? 'VmHWM' : 'sampled';
  let peak = process.memoryUsage.rss();
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    method,
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      const hwm = method === 'VmHWM' ? readProcStatusBytes('self', 'VmHWM') : undefined;
      return Math.max(peak, hwm ?? 0);
    },
  };
}

function resetHighWaterMark(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return readProcStatusBytes('self', 'VmHWM') !== undefined;
  } catch {
    return false;
  }
}

/**
 * Polls another process's VmHWM until `stop()`; the last value read is its peak so far (VmHWM
 * only grows). Returns undefined where /proc is not available.
 */
export function pollPeakRss(pid: number, intervalMs = 50): { stop(): number | undefined } {
  let peak: number | undefined;
  const poll = (): void => {
    const hwm = readProcStatusBytes(pid, 'VmHWM');
    if (hwm !== undefined) peak = Math.max(peak ?? 0, hwm);
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  timer.unref();
  return {
    stop: () => {
      poll();
      clearInterval(timer);
      return peak;
    },
  };
}

/** Bytes as MiB with one decimal, for notes. */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
