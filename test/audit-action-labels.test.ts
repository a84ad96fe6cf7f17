import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../web/src/pages/audit/audit-actions.js';
import { CASE_ACTIONS } from '../src/crosscheck/cases/case-workflow.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the audit page’s action labels', () => {
  it('name every action the server writes to the audit log', () => {
    const written = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/action: (?:unmasked \? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g)) {
        written.add(match[1]!);
        if (match[2]) written.add(match[2]);
      }
      for (const match of text.matchAll(/auditDownload\([^)]*?'([a-z_]+\.[a-z_]+)'/g)) written.add(match[1]!);
      for (const match of text.matchAll(/action: committed \? '([a-z_.]+)' : '([a-z_.]+)'/g)) written.add(match[1]!).add(match[2]!);
    }
    // Actions built from a verb at run time.
    for (const verb of ['approve', 'narrow', 'refuse', 'suspend', 'resume', 'revoke']) written.add(`agreement.${verb}`);
    for (const verb of [...CASE_ACTIONS, 'open', 'auto_resolve']) written.add(`case.${verb}`);
    for (const decision of ['link', 'not_a_match']) written.add(`link_review.${decision}`);
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((action) => !AUDIT_ACTIONS[action]).sort()).toEqual([]);
  });
});
