import dayjs from 'dayjs';

/** Formats an ISO timestamp as `YYYY-MM-DD HH:mm`, or returns `fallback` when absent. */
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm') : iso;
}

/** Formats an ISO timestamp with seconds, for audit entries. */
export function formatDateTimeSeconds(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** True when an ISO timestamp lies in the future (e.g. a lock that has not expired). */
export function isInFuture(iso: string | null | undefined): boolean {
  return Boolean(iso) && dayjs(iso).isAfter(dayjs());
}
