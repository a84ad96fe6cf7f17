import type { TFunction } from 'i18next';

const MINUTE_S = 60;
const HOUR_S = 60 * MINUTE_S;
const DAY_S = 24 * HOUR_S;

/** Uptime as the two largest units, e.g. “3 天 4 小时” or “5 min 12 s”. */
export function formatUptime(totalSeconds: number, t: TFunction): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const parts = [
    { value: Math.floor(s / DAY_S), key: 'system.days' as const },
    { value: Math.floor((s % DAY_S) / HOUR_S), key: 'system.hours' as const },
    { value: Math.floor((s % HOUR_S) / MINUTE_S), key: 'system.minutes' as const },
    { value: s % MINUTE_S, key: 'system.seconds' as const },
  ];
  const first = parts.findIndex((p) => p.value > 0);
  if (first === -1) return t('system.seconds', { count: 0 });
  return parts
    .slice(first, first + 2)
    .filter((p) => p.value > 0)
    .map((p) => t(p.key, { count: p.value }))
    .join(' ');
}
