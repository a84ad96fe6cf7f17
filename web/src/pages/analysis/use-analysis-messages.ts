import { useLang } from '../../i18n/use-lang.js';
import { analysisEn, analysisZh } from './analysis-messages.js';

/** The analysis pages' strings in one language. */
export type AnalysisMessages = typeof analysisEn;

/** The analysis strings in the UI language, for code that builds charts and exports outside JSX. */
export function useAnalysisMessages(): AnalysisMessages {
  const { lang } = useLang();
  return lang === 'en' ? analysisEn : analysisZh;
}

/** Fills `{{name}}` placeholders. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
