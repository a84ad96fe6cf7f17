import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { INDICATORS_PATH, type IndicatorReport } from './indicator-report.js';

/** One request of a set: the query of GET /api/v1/stats/indicators. */
export interface IndicatorQuery {
  period: string;
  division?: string;
  publish?: '1';
}

export interface IndicatorSet {
  /** Reports in the order of the queries; undefined while loading or when that request failed. */
  reports: Array<IndicatorReport | undefined>;
  done: number;
  total: number;
  failed: number;
  loading: boolean;
}

// The server answers one request at a time per database anyway; a few in flight keep it busy.
const PARALLEL_REQUESTS = 4;

/**
 * Loads the indicators of several periods or areas at once (a few requests in flight), counting
 * how many are done for a progress bar. A new list of queries cancels the old requests.
 */
export function useIndicatorSet(queries: readonly IndicatorQuery[] | null): IndicatorSet {
  const key = JSON.stringify(queries);
  const [state, setState] = useState<IndicatorSet>({ reports: [], done: 0, total: 0, failed: 0, loading: false });
  useEffect(() => {
    const list = JSON.parse(key) as IndicatorQuery[] | null;
    if (!list || list.length === 0) {
      setState({ reports: [], done: 0, total: 0, failed: 0, loading: false });
      return;
    }
    const controller = new AbortController();
    const reports: Array<IndicatorReport | undefined> = list.map(() => undefined);
    let done = 0;
    let failed = 0;
    let next = 0;
    const publish = () =>
      setState({ reports: [...reports], done, total: list.length, failed, loading: done < list.length });
    publish();
    const worker = async () => {
      while (next < list.length && !controller.signal.aborted) {
        const index = next++;
        try {
          reports[index] = await api.get<IndicatorReport>(INDICATORS_PATH, { ...list[index] }, controller.signal);
        } catch {
          if (controller.signal.aborted) return;
          failed += 1;
        }
        done += 1;
        publish();
      }
    };
    for (let i = 0; i < Math.min(PARALLEL_REQUESTS, list.length); i++) void worker();
    return () => controller.abort();
  }, [key]);
  return state;
}
