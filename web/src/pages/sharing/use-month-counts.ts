import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, CLIENT_ERROR_CODES } from '../../api/api-error.js';
import { apiErrorFrom, reportUnauthenticated } from '../../api/client.js';
import { exportUrl } from './export-panel.js';
import { parseCsv } from './parse-csv.js';

/** Changes of one event type in a month, by what they did. */
export interface MonthCount {
  /** The type as the export names it (its Chinese label). */
  typeLabel: string;
  created: number;
  corrected: number;
  cancelled: number;
  total: number;
}

/** Export column headers (src/sharing/downloads/downloads.routes.ts META_COLUMNS). */
const TYPE_HEADER = '事件类型';
const ACTION_HEADER = '操作';

/** Counts the rows of an export CSV per event type and action, in first-seen order. */
export function countExportRows(csv: string): MonthCount[] {
  const [header, ...rows] = parseCsv(csv);
  const typeAt = header?.indexOf(TYPE_HEADER) ?? -1;
  const actionAt = header?.indexOf(ACTION_HEADER) ?? -1;
  if (typeAt < 0 || actionAt < 0) return [];
  const counts = new Map<string, MonthCount>();
  for (const row of rows) {
    const typeLabel = row[typeAt];
    if (!typeLabel) continue;
    const count = counts.get(typeLabel) ?? { typeLabel, created: 0, corrected: 0, cancelled: 0, total: 0 };
    const action = row[actionAt];
    if (action === 'correct') count.corrected += 1;
    else if (action === 'cancel') count.cancelled += 1;
    else count.created += 1;
    count.total += 1;
    counts.set(typeLabel, count);
  }
  return [...counts.values()];
}

/**
 * The month's changes under an agreement, counted from the same export the download buttons
 * serve, so the counts always match the file (the read is audited like a download).
 */
export function useMonthCounts(agreementId: string | undefined, month: Dayjs) {
  const [data, setData] = useState<MonthCount[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [nonce, setNonce] = useState(0);
  const monthKey = month.format('YYYY-MM');

  useEffect(() => {
    if (!agreementId) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    const load = async () => {
      let res: Response;
      try {
        res = await fetch(exportUrl(agreementId, month, 'csv'), {
          credentials: 'same-origin',
          signal: controller.signal,
        });
      } catch (err) {
        if (controller.signal.aborted) return;
        throw err instanceof ApiError
          ? err
          : new ApiError({ code: CLIENT_ERROR_CODES.network, status: 0, message: 'Network error' });
      }
      const text = await res.text();
      if (!res.ok) {
        if (res.status === 401) reportUnauthenticated();
        let payload: unknown;
        try {
          payload = JSON.parse(text) as unknown;
        } catch {
          payload = undefined;
        }
        throw apiErrorFrom(res.status, res.headers.get('Retry-After'), payload);
      }
      if (!controller.signal.aborted) setData(countExportRows(text));
    };
    load()
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // `month` changes identity on every pick; `monthKey` is what matters.
  }, [agreementId, monthKey, nonce]);

  return { data, error, loading, reload: () => setNonce((n) => n + 1) };
}
