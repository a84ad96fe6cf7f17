import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../api/api-error.js';
import { api, seg } from '../../../api/client.js';
import type { SubmissionDetail } from '../../../api/types.js';

/** How often the status is asked while the server processes the file. */
export const POLL_INTERVAL_MS = 1000;
/** The wait before asking again after a failed poll (network blip, server restart). */
const RETRY_INTERVAL_MS = 3000;

export interface SubmissionQuery {
  data: SubmissionDetail | undefined;
  error: unknown;
  reload: () => void;
}

/** Worth asking again: no answer, overloaded or a server error (not 403/404). */
function isTransient(err: unknown): boolean {
  if (!isApiError(err)) return false;
  return err.status === 0 || err.status === 429 || err.status >= 500;
}

/**
 * `GET /api/v1/submissions/{id}`, asked again every second while the submission is
 * `processing` (one request at a time), and every few seconds after a transient failure
 * while it was processing; stops once it is committed, rejected or failed.
 */
export function useSubmission(id: string): SubmissionQuery {
  const [data, setData] = useState<SubmissionDetail | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);
  const last = useRef<SubmissionDetail | undefined>(undefined);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let controller: AbortController | undefined;
    const tick = async () => {
      controller = new AbortController();
      try {
        const next = await api.get<SubmissionDetail>(`/api/v1/submissions/${seg(id)}`, undefined, controller.signal);
        if (stopped) return;
        last.current = next;
        setData(next);
        setError(null);
        if (next.status === 'processing') timer = window.setTimeout(() => void tick(), POLL_INTERVAL_MS);
      } catch (err) {
        if (stopped) return;
        setError(err);
        const wasProcessing = !last.current || last.current.status === 'processing';
        if (wasProcessing && last.current && isTransient(err)) {
          timer = window.setTimeout(() => void tick(), RETRY_INTERVAL_MS);
        }
      }
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      controller?.abort();
    };
  }, [id, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, reload };
}
