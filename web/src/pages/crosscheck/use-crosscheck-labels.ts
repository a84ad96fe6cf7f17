import { useTranslation } from 'react-i18next';
import type { BilingualText, CrosscheckRuleInfo } from '../../api/types.js';
import { useApiQuery } from '../../hooks/use-api-query.js';

/** Labels of cross-verification codes (statuses, actions, severities) and server texts in the current language. */
export function useCrosscheckLabels() {
  const { t, i18n } = useTranslation();
  const pick = (group: string, key: string | null | undefined) => {
    if (!key) return '—';
    const full = `crosscheck.${group}.${key}`;
    return i18n.exists(full) ? t(full as never) : key;
  };
  const en = i18n.language === 'en';
  return {
    status: (key: string) => pick('statuses', key),
    action: (key: string) => pick('actions', key),
    severity: (key: string) => pick('severities', key),
    responsible: (key: string) => pick('responsibles', key),
    text: (value: BilingualText | null | undefined) => (value ? (en ? value.en : value.zh) : '—'),
  };
}

/** The rules (definitions and open counts the caller sees). */
export function useCrosscheckRules() {
  return useApiQuery<{ items: CrosscheckRuleInfo[] }>('/api/v1/crosscheck/rules');
}
