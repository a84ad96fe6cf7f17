import { useTranslation } from 'react-i18next';
import { changeLang } from './i18n-setup.js';
import type { Lang } from './messages.js';

/** The current UI language and a setter that also remembers it; re-renders on change. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  return { lang, setLang: changeLang };
}
