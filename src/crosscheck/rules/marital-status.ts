/** GB/T 2261.2 marital status codes in the classes cross-verification compares. */
export type MaritalClass = 'single' | 'married' | 'widowed' | 'divorced';

const CLASSES: Record<string, MaritalClass> = { '10': 'single', '20': 'married', '21': 'married', '22': 'married', '23': 'married', '30': 'widowed', '40': 'divorced' };

/** The class of a marital status code; null for 90 (未说明) and anything unknown. */
export function maritalClass(code: unknown): MaritalClass | null {
  return typeof code === 'string' || typeof code === 'number' ? CLASSES[String(code)] ?? null : null;
}

export const MARITAL_LABELS: Record<MaritalClass, { en: string; zh: string }> = {
  single: { en: 'unmarried', zh: '未婚' },
  married: { en: 'married', zh: '已婚' },
  widowed: { en: 'widowed', zh: '丧偶' },
  divorced: { en: 'divorced', zh: '离婚' },
};
