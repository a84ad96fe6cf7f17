import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATION_CODES } from './validation-codes.js';

const README = new URL('./README.md', import.meta.url);
const PLACEHOLDER = /\{(\w+)\}/g;
const placeholders = (template: string) => [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();

describe('validation codes', () => {
  it('are all listed in README.md with their severity and meaning, and nothing else is', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z0-9_]+)` +\| (\w+) +\| (.+?) +\|$/gm)].map(
      (m) => `${m[1]} ${m[2]} ${m[3]}`,
    );
    const defined = Object.entries(VALIDATION_CODES).map(([code, info]) => `${code} ${info.severity} ${info.meaning}`);
    expect(documented).toEqual(defined);
  });

  it('are UPPER_SNAKE and have a message in English and in Chinese with the same placeholders', () => {
    for (const [code, info] of Object.entries(VALIDATION_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(info.en, code).toMatch(/^[{A-Z]/);
      expect(info.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(info.zh, code).not.toMatch(/第\s*\S+\s*行/);
      expect(placeholders(info.zh), code).toEqual(placeholders(info.en));
    }
  });
});
