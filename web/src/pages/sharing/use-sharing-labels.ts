import { useTranslation } from 'react-i18next';

/** Labels of sharing codes (agreement statuses, history and feed actions, registry fields, delivery statuses). */
export function useSharingLabels() {
  const { t, i18n } = useTranslation();
  const pick = (group: string, key: string | null | undefined) => {
    if (!key) return '—';
    const full = `sharing.${group}.${key}`;
    return i18n.exists(full) ? t(full as never) : key;
  };
  return {
    status: (key: string) => pick('statuses', key),
    historyAction: (key: string) => pick('historyActions', key),
    feedAction: (key: string) => pick('feedActions', key),
    personField: (key: string) => pick('personFields', key),
    deliveryStatus: (key: string) => pick('webhooks.deliveryStatuses', key),
  };
}
