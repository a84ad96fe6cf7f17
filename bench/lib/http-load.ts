/** HTTP load with autocannon, with latency percentiles kept at sub-millisecond resolution. */
import autocannon from 'autocannon';

export interface HttpLoadOptions {
  connections: number;
  seconds: number;
  method?: autocannon.Request['method'];
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpLoadResult {
  requestsPerSecond: number;
  /** Percentiles of every response time seen, in ms (autocannon's own histogram rounds to 1 ms). */
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Connection errors, timeouts and non-2xx replies. */
  failures: number;
}

/**
 * Loads `url` (only ever a loopback address) for a fixed time with autocannon, from this
 * process. Response times are taken from autocannon's per-response event, because its result
 * histogram records whole milliseconds and a fast endpoint's p99 would read 1 or 2.
 */
export async function loadHttp(url: string, options: HttpLoadOptions): Promise<HttpLoadResult> {
  const host = new URL(url).hostname;
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    throw new Error(`refusing to load ${host}: loopback only`);
  }
  // A typed buffer rather than an array of boxed numbers, so the load generator's own GC
  // does not pause it and inflate the tail it measures.
  let times = new Float64Array(1 << 20);
  let count = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const request: autocannon.Options = { url, connections: options.connections, duration: options.seconds };
    if (options.method) request.method = options.method;
    if (options.headers) request.headers = options.headers;
    if (options.body !== undefined) request.body = options.body;
    const instance = autocannon(request, (error: unknown, res) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(res),
    );
    // The event passes (client, statusCode, resBytes, responseTime); the typings omit the client.
    instance.on('response', (...args: unknown[]) => {
      const responseTime = args[args.length - 1];
      if (typeof responseTime !== 'number') return;
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[count] = responseTime;
      count += 1;
    });
  });
  const sorted = times.subarray(0, count).sort();
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: percentile(sorted, 0.5) ?? result.latency.p50,
    p99Ms: percentile(sorted, 0.99) ?? result.latency.p99,
    total: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Nearest-rank percentile of ascending values; undefined when there are none. */
export function percentile(sorted: ArrayLike<number>, fraction: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
