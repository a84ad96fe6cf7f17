import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));
const API_TARGET = process.env['POPX_DEV_API'] ?? 'http://127.0.0.1:8080';
const PROXIED_PATHS = ['/api', '/healthz', '/readyz', '/metrics', '/openapi.json', '/docs'];
// antd alone is ~1 MB minified; the warning should fire only when something unexpected grows.
const CHUNK_WARNING_KB = 1400;

// Vite requires the config as the default export; this is the one default export in web/.
export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(PROXIED_PATHS.map((path) => [path, { target: API_TARGET }])),
  },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: CHUNK_WARNING_KB,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|i18next|react-i18next)[\\/]/,
              priority: 3,
            },
            {
              name: 'vendor-antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|classnames|clsx|@emotion|stylis|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view)[\\/]/,
              priority: 2,
            },
            // Only the analysis page draws charts: ECharts stays out of the chunk other pages share.
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
