import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { Query } from '../api/client.js';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again with the same path and query. */
  reload: () => void;
}

/**
 * GETs `path` whenever it or the query changes, cancelling the previous request.
 * Keeps the last good data while reloading so tables do not flash empty between pages.
 * Pass `path = null` to skip loading (e.g. when the user may not read it).
 */
export function useApiQuery<T>(path: string | null, query?: Query): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [nonce, setNonce] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, queryRef.current, controller.signal)
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
