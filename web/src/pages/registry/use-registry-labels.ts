import { useTranslation } from 'react-i18next';

/** Labels of registry codes (population kinds, sexes, relation kinds, link methods, facts) in the current language. */
export function useRegistryLabels() {
  const { t, i18n } = useTranslation();
  const pick = (group: string, key: string | null | undefined) => {
    if (!key) return '—';
    const full = `registry.${group}.${key}`;
    return i18n.exists(full) ? t(full as never) : key;
  };
  return {
    population: (key: string | null | undefined) => pick('populations', key),
    sex: (key: string | null | undefined) => pick('sexes', key),
    marital: (key: string | null | undefined) => pick('maritals', key),
    relation: (key: string, direction: 'in' | 'out') => pick('relationKinds', direction === 'out' ? key : key === 'adopter' ? 'adoptee' : key === 'spouse' ? 'spouse' : 'child'),
    method: (key: string) => pick('methods', key),
    fact: (key: string) => pick('facts', key),
    level: (key: string) => pick('reviews.levels', key),
  };
}
