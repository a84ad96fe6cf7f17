import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import type { Lang } from '../i18n/messages.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

// antd ships its locales as CommonJS: the bundler hands over the locale itself, while Node-style
// type resolution (the root tsconfig) sees the module object around it. Accept both.
function unwrapLocale(mod: unknown): AntdLocale {
  return (mod as { default?: AntdLocale }).default ?? (mod as AntdLocale);
}

/** antd's component texts (date pickers, pagination, empty states) for each UI language. */
export const ANTD_LOCALES: Readonly<Record<Lang, AntdLocale>> = {
  zh: unwrapLocale(zhCNModule),
  en: unwrapLocale(enUSModule),
};
