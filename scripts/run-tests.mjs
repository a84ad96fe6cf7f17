#!/usr/bin/env node
// `npm test`: type-check, build the web app for the browser tests, run every vitest project
// (unit + database matrix + Chromium end-to-end), and finish with one plain line
// "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
let failedSteps = 0;

function step(title, command, args) {
  process.stdout.write(`\n── ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

if (!step('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) failedSteps += 1;
// The server build has no DOM types: check it too, as `npm install` will build it.
if (!step('type-check the server build', bin('tsc'), ['-p', 'tsconfig.build.json', '--noEmit'])) failedSteps += 1;
if (!step('build the web app (for the browser tests)', bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) {
  failedSteps += 1;
}

const report = path.join(root, '.tmp', 'vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
step('tests (SQLite and PostgreSQL matrix, Chromium)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);

let passed = 0;
let failed = failedSteps;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  // A file that failed to load (import error, failed setup) has no tests but must count.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
  if ((json.numTotalTests ?? 0) === 0) failed += 1;
} else {
  failed += 1;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
