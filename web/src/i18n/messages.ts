import type { zh } from './zh.js';

/** The shape every language must fill: the Chinese dictionary with its strings widened. */
export type Messages = WidenStrings<typeof zh>;

type WidenStrings<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : WidenStrings<T[K]>;
};

/** Languages the UI speaks; `zh` is the default. */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];
