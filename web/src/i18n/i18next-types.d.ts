import type { zh } from './zh.js';

// Typed keys: `t('nav.orgz')` fails to compile instead of showing a raw key to a clerk.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh };
  }
}
