/** How the bench runs `popx`: the compiled CLI, as users run it after `npm install`. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Node arguments that run `popx` (append the command's own arguments). */
export const POPX_NODE_ARGS: readonly string[] = [path.join(ROOT, 'bin', 'popx.js')];

/**
 * Compiles the server and CLI (`npm run build:server`) so that whole-command figures measure the
 * current sources as shipped, without the TypeScript loader a development run carries.
 */
export function buildPopx(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
