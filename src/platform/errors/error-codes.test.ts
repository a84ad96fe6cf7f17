import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config/config.js';
import { ERROR_CODES } from './error-codes.js';

describe('error codes', () => {
  it('are all listed in docs/ERRORS.md with their status, and nothing else is', () => {
    const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'ERRORS.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    const defined = Object.entries(ERROR_CODES).map(([code, value]) => `${code} ${value.status}`);
    expect(documented.sort()).toEqual(defined.sort());
  });

  it('each have an English and a Chinese message', () => {
    for (const [code, value] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(value.en.length, code).toBeGreaterThan(5);
      expect(value.zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
