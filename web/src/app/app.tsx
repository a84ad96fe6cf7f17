import { App as AntApp, ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '../auth/session-context.js';
import { ErrorBoundary } from '../components/boundary.js';
import { useLang } from '../i18n/use-lang.js';
import { ANTD_LOCALES } from './antd-locales.js';
import { AppRoutes } from './app-routes.js';

const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1a56db',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif",
  },
};

/** The whole web app: antd theme and locale following the UI language, router, session. */
export function App() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={ANTD_LOCALES[lang]} theme={THEME}>
      <AntApp>
        <ErrorBoundary>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
