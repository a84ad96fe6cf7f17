#!/usr/bin/env node
// The `popx` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/server/cli/popx.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('popx: the server is not built yet; run `npm run build` (npm install does it)\n');
  process.exit(1);
}
await import(entry.href);
