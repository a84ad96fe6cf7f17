/**
 * Registry linkage quality on `popx gen` data: generates a district, imports every file into a
 * fresh SQLite database (which projects the registry), and compares each record's linked
 * persons with the generator's truth — pairwise precision, recall and F1 over person mentions
 * (a record × role), overall and for mentions without an ID number.
 *
 *   npx tsx scripts/eval-registry.ts [--persons 10000] [--seed 7] [--keep DIR]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { registryEffectOf } from '../src/registry/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const persons = option('persons', '10000');
const seed = option('seed', '7');
const root = path.resolve(import.meta.dirname, '..');
const work = option('keep', fs.mkdtempSync(path.join(os.tmpdir(), 'popx-eval-registry-')));
fs.mkdirSync(work, { recursive: true });
const gen = path.join(work, 'gen');
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(work, 'popx.db')}`, POPX_DATA_DIR: path.join(work, 'data'), POPX_ADMIN_PASSWORD: 'Eval-Passw0rd-1', POPX_LOG_LEVEL: 'silent' };
const popx = (...a: string[]) => execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/popx.ts'), ...a], { env, cwd: root, encoding: 'utf8' });

fs.rmSync(path.join(work, 'popx.db'), { force: true });
popx('gen', '--persons', persons, '--seed', seed, '--out', gen);
popx('init');
const started = performance.now();
process.stdout.write(popx('import', gen));
const importSeconds = (performance.now() - started) / 1000;

// Truth: the persons of each record (org, record_id), subject first.
const truth = new Map<string, string[]>();
const lines = fs.readFileSync(path.join(gen, 'truth', 'records.csv'), 'utf8').trim().split('\n').slice(1);
for (const line of lines) {
  const cells = line.split(',');
  truth.set(`${cells[5]} ${cells[2]}`, (cells[8] ?? '').split(';').filter(Boolean));
}

// Injected value errors: the true value of a corrupted field, by record id and field.
const corrected = new Map<string, string>();
for (const line of fs.readFileSync(path.join(gen, 'truth', 'errors.csv'), 'utf8').trim().split('\n').slice(1)) {
  const cells = line.split(',');
  corrected.set(`${cells[2]} ${cells[3]}`, cells[5] ?? '');
}

const db = new SqliteDatabase(path.join(work, 'popx.db'), { readonly: true });
const mentions = db
  .prepare(`select pr.seq, pr.role, pr.person_id, pr.method, l.org_code, l.record_id, l.type, l.payload from person_records pr join ledger l on l.seq = pr.seq`)
  .all() as Array<{ seq: number; role: string; person_id: number; method: string; org_code: string; record_id: string; type: string; payload: string }>;

interface Mention {
  predicted: number;
  actual: string;
  withoutId: boolean;
}
const evaluated: Mention[] = [];
let unresolved = 0;
for (const m of mentions) {
  const people = truth.get(`${m.org_code} ${m.record_id}`);
  const role = registryEffectOf(m.type)?.roles.find((r) => r.role === m.role);
  if (!people || !role) {
    unresolved += 1;
    continue;
  }
  const payload = JSON.parse(m.payload) as Record<string, string>;
  const given = role.idField ? payload[role.idField] : undefined;
  const others = new Set(
    (registryEffectOf(m.type)?.roles ?? []).filter((r) => r.role !== m.role && r.idField && payload[r.idField]).map((r) => payload[r.idField!]),
  );
  // The ID number given is the person's unless the generator corrupted it (then errors.csv has the true one).
  let actual = given ? (corrected.get(`${m.record_id} ${role.idField}`) || given) : undefined;
  // A child without an ID number: the record's person who is not a parent.
  if (!actual) {
    const rest = people.filter((p) => !others.has(p));
    if (rest.length === 1) actual = rest[0];
  }
  if (!actual) {
    unresolved += 1;
    continue;
  }
  evaluated.push({ predicted: m.person_id, actual, withoutId: !given });
}

function pairwise(list: readonly Mention[]) {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const count = <K>(keys: K[]) => {
    const map = new Map<K, number>();
    for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
    return map;
  };
  const predicted = [...count(list.map((m) => m.predicted)).values()].reduce((s, n) => s + pairs(n), 0);
  const actual = [...count(list.map((m) => m.actual)).values()].reduce((s, n) => s + pairs(n), 0);
  const both = [...count(list.map((m) => `${m.predicted} ${m.actual}`)).values()].reduce((s, n) => s + pairs(n), 0);
  const precision = predicted === 0 ? 1 : both / predicted;
  const recall = actual === 0 ? 1 : both / actual;
  return { mentions: list.length, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

// Mentions without an ID: judged over the persons they could be confused with (all mentions of those persons).
const idLessPersons = new Set(evaluated.filter((m) => m.withoutId).map((m) => m.actual));
const idLessPredicted = new Set(evaluated.filter((m) => m.withoutId).map((m) => m.predicted));
const reviews = (db.prepare(`select count(*) as n from link_reviews where status = 'open'`).get() as { n: number }).n;
const active = (db.prepare(`select count(*) as n from persons where status = 'active'`).get() as { n: number }).n;
const result = {
  persons,
  seed,
  importSeconds: Number(importSeconds.toFixed(1)),
  ledgerMentions: mentions.length,
  unresolvedMentions: unresolved,
  registryPersons: active,
  truePersonsMentioned: new Set(evaluated.map((m) => m.actual)).size,
  openReviews: reviews,
  all: pairwise(evaluated),
  withoutIdNumber: pairwise(evaluated.filter((m) => idLessPersons.has(m.actual) || idLessPredicted.has(m.predicted))),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
db.close();
if (!args.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
