import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import type { Lang } from './messages.js';
import { zh } from './zh.js';

/** localStorage key that remembers the UI language between visits. */
export const LANG_STORAGE_KEY = 'popx.lang';

const DEFAULT_LANG: Lang = 'zh';

/** Reads the remembered language; Chinese unless the user chose English before. */
export function readStoredLang(): Lang {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}

/** Starts i18next with both dictionaries; call once before rendering. */
export function initI18n(): typeof i18next {
  const lang = readStoredLang();
  applyDocumentLang(lang);
  void i18next.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switches the UI language and remembers the choice. */
export function changeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the switch still works for this visit.
  }
  applyDocumentLang(lang);
  void i18next.changeLanguage(lang);
}

/** The language i18next is using now, narrowed to the two the UI speaks. */
export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'zh';
}
