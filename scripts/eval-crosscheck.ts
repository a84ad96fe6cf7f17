/**
 * Cross-verification quality on `popx gen` data: generates a district (with the contradiction
 * rates below, raised so that every rule has enough cases to measure), imports every file into a
 * fresh SQLite database (which projects the registry), runs every rule as of the last day of the
 * run, and compares the cases with the generator's truth, per rule:
 *
 * - recall: of the injected contradictions (truth/contradictions.csv) that the rule can see as of
 *   that day (its grace period over, the person still there, the record that shows it submitted
 *   within the run), the share with a case of the rule on the person;
 * - precision: of the rule's cases, the share explained by the truth — an injected contradiction
 *   the rule maps to, or a record of the person (or their child or mother) that the generator
 *   corrupted (truth/errors.csv) or never submitted (a missing file, or a record due after the
 *   last month: record_not_submitted in truth/events.ndjson). A case explained by a record error
 *   is a real contradiction between the submitted data; `strict` counts only injected ones.
 *
 *   npx tsx scripts/eval-crosscheck.ts [--persons 20000] [--months 24] [--seed 7] [--keep DIR] [--json]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CROSSCHECK_RULES } from '../src/crosscheck/rules/crosscheck-rules.js';
import { generateDistrict } from '../src/gen/generate-district.js';
import type { ContradictionRates } from '../src/gen/imperfections.js';
import { registryEffectOf } from '../src/registry/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const persons = Number(option('persons', '20000'));
const months = Number(option('months', '24'));
const seed = option('seed', '7');
const START = '2024-01';
const root = path.resolve(import.meta.dirname, '..');
const work = option('keep', fs.mkdtempSync(path.join(os.tmpdir(), 'popx-eval-crosscheck-')));
fs.mkdirSync(work, { recursive: true });
const gen = path.join(work, 'gen');
const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(work, 'popx.db')}`, POPX_DATA_DIR: path.join(work, 'data'), POPX_ADMIN_PASSWORD: 'Eval-Passw0rd-1', POPX_LOG_LEVEL: 'silent' };
const popx = (...a: string[]) => execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/popx.ts'), ...a], { env, cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });

/** Raised rates: a 20,000-person district then holds tens of each contradiction instead of a handful. */
const RATES: Partial<ContradictionRates> = {
  birth_never_registered: 0.1,
  pregnancy_without_outcome: 0.2,
  marriage_unknown_to_town: 0.2,
  moved_out_still_reported: 0.3,
  business_without_permit: 0.3,
  only_child_with_sibling: 0.5,
  name_disagreement: 0.02,
  birth_order_wrong: 0.1,
  woman_profile_missing: 0.02,
};

/** Which rule finds each kind of injected contradiction. */
const RULE_OF_KIND: Record<string, string> = {
  birth_never_registered: 'birth_without_hukou',
  death_while_insured: 'dead_person_active',
  pregnancy_without_outcome: 'pregnancy_overdue',
  moved_out_still_reported: 'moved_out_still_reported',
  business_without_permit: 'business_without_permit',
  only_child_with_sibling: 'only_child_with_sibling',
  name_disagreement: 'name_disagreement',
  birth_order_wrong: 'birth_order_disagreement',
  woman_profile_missing: 'woman_profile_missing',
  // The town never updated her profile after the marriage: a profile that contradicts it, or none at all.
  marriage_unknown_to_town: 'marriage_profile_disagreement | woman_profile_missing',
};

const endMonth = (() => {
  const [y, m] = START.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m - 1 + months, 0));
  return last.toISOString().slice(0, 10);
})();
const asOf = endMonth;

const started = performance.now();
fs.rmSync(path.join(work, 'popx.db'), { force: true });
await generateDistrict({ persons, seed, months, start: START, out: gen, contradictionRates: RATES });
popx('init');
popx('import', gen);
const importSeconds = (performance.now() - started) / 1000;
popx('crosscheck', 'run', '--as-of', asOf);

// ---- truth ----
const csv = (file: string) =>
  fs.readFileSync(path.join(gen, 'truth', file), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));

interface TruePerson { id: string; sex: string; birth: string; death: string; arrived: string; left: string; floating: boolean; mother: string; marital: string; permitUntil: string }
const people = new Map<string, TruePerson>();
const childrenOf = new Map<string, string[]>();
for (const c of csv('persons.csv')) {
  const p = { id: c[0]!, sex: c[2]!, birth: c[3]!, death: c[4]!, arrived: c[5]!, left: c[6]!, floating: c[7] === '1', mother: c[13]!, marital: c[16]!, permitUntil: c[19] ?? '' };
  people.set(p.id, p);
  if (p.mother) childrenOf.set(p.mother, [...(childrenOf.get(p.mother) ?? []), p.id]);
}

/** Submitted records by person (any role): type and event date; and the persons of each record. */
interface TrueRecord { type: string; org: string; date: string; persons: string[]; note: string; errors: string }
const recordsOf = new Map<string, TrueRecord[]>();
const recordPersons = new Map<string, string[]>();
/** Records (org and record id) into which the generator injected a value error. */
const corruptedRecords = new Set<string>();
for (const c of csv('records.csv')) {
  const r: TrueRecord = { type: c[4]!, org: c[5]!, date: c[7]!, persons: (c[8] ?? '').split(';').filter(Boolean), note: c[9] ?? '', errors: c[10] ?? '' };
  recordPersons.set(`${r.org} ${c[2]}`, r.persons);
  if (r.errors !== '') corruptedRecords.add(`${r.org} ${c[2]}`);
  if (c[3] === 'cancel') continue;
  for (const p of r.persons) recordsOf.set(p, [...(recordsOf.get(p) ?? []), r]);
}

/** For each person, the records about them that the generator corrupted or never submitted: type → what happened. */
const troubled = new Map<string, Map<string, string>>();
const trouble = (p: string, type: string, what: string) => {
  const byType = troubled.get(p) ?? new Map<string, string>();
  if (!byType.has(type)) byType.set(type, what);
  troubled.set(p, byType);
};
for (const [p, list] of recordsOf) for (const r of list) if (r.errors !== '') trouble(p, r.type, `${r.type} with ${r.errors}`);
const events = fs.readFileSync(path.join(gen, 'truth', 'events.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | number>);
for (const e of events) {
  if (e.kind !== 'record_not_submitted') continue;
  for (const p of String(e.persons ?? e.person).split(';').filter(Boolean)) trouble(p, String(e.type), `${e.type} never submitted (${e.reason === 'after_run' ? 'due after the run' : 'file missing'})`);
}
const pregnancyDue = new Map<string, string[]>();
for (const e of events) if (e.kind === 'pregnancy_registered') pregnancyDue.set(String(e.person), [...(pregnancyDue.get(String(e.person)) ?? []), String(e.due)]);

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const ageOn = (birth: string, date: string) => Number(date.slice(0, 4)) - Number(birth.slice(0, 4)) - (date.slice(5) < birth.slice(5) ? 1 : 0);
const gone = (p: TruePerson | undefined) => !p || p.death !== '' || p.left !== '';
const recs = (id: string, type: string) => (recordsOf.get(id) ?? []).filter((r) => r.type === type);

interface Injected { kind: string; person: string; date: string }
const injected: Injected[] = csv('contradictions.csv').map((c) => ({ kind: c[0]!, person: c[1]!, date: c[2]! }));

/** The registers that decide who the registry thinks lives here and how: a lost one changes what every rule sees. */
const REGISTERS = ['hukou_register', 'hukou_move_in', 'hukou_birth', 'residence_permit'];
const RULE_BY_ID = new Map(CROSSCHECK_RULES.map((r) => [r.id, r]));

/** The first record of the person, their mother or a child that the generator corrupted or lost, among the types a rule compares or the registers. */
function troubleFor(ruleId: string, person: string): string | undefined {
  const rule = RULE_BY_ID.get(ruleId);
  const family = [person, people.get(person)?.mother ?? '', ...(childrenOf.get(person) ?? [])].filter(Boolean);
  return family
    .flatMap((p) => [...(troubled.get(p) ?? new Map<string, string>())])
    .find(([type]) => !rule || rule.sources.includes('*') || rule.sources.includes(type) || REGISTERS.includes(type))?.[1];
}

/** The rule an injected contradiction is expected in as of `asOf`, or why it is not visible then. */
function expectation(t: Injected): { rule: string } | { excluded: string } {
  const found = visibleIn(t);
  if ('rule' in found && troubleFor(found.rule, t.person)) return { excluded: 'a record it rests on was corrupted or lost (truth/errors.csv, record_not_submitted)' };
  return found;
}

function visibleIn(t: Injected): { rule: string } | { excluded: string } {
  const p = people.get(t.person);
  switch (t.kind) {
    case 'birth_never_registered':
      if (addDays(t.date, 60) >= asOf) return { excluded: 'within the 60-day grace period' };
      if (gone(p)) return { excluded: 'died or left' };
      return { rule: 'birth_without_hukou' };
    case 'death_while_insured':
      return { rule: 'dead_person_active' };
    case 'pregnancy_without_outcome': {
      if (gone(p)) return { excluded: 'died or left' };
      // Registered after the outcome of any earlier pregnancy (that registration was of another pregnancy).
      const before = [...recs(t.person, 'birth'), ...recs(t.person, 'pregnancy_termination')].map((r) => r.date).filter((d) => d < t.date).sort().at(-1) ?? '';
      const registered = [...recs(t.person, 'pregnancy'), ...recs(t.person, 'delivery_booking')].some((r) => r.date <= t.date && r.date > before && r.date > addDays(t.date, -200));
      if (!registered) return { excluded: 'pregnancy never registered (nothing to be overdue)' };
      const due = (pregnancyDue.get(t.person) ?? []).filter((d) => d > t.date).sort()[0];
      if (!due || addDays(due, 30) >= asOf) return { excluded: 'not 30 days past the due date yet' };
      const later = (recordsOf.get(t.person) ?? []).some((r) => ['birth', 'pregnancy_termination', 'pregnancy', 'delivery_booking'].includes(r.type) && r.date > t.date);
      if (later) return { excluded: 'a later pregnancy or outcome replaced it' };
      return { rule: 'pregnancy_overdue' };
    }
    case 'moved_out_still_reported':
      if (p?.death) return { excluded: 'died' };
      if (!recs(t.person, 'woman_profile').some((r) => r.date > t.date)) return { excluded: 'the late profile was not submitted within the run' };
      return { rule: 'moved_out_still_reported' };
    case 'business_without_permit':
      // Dated the licence's issue, or the day the permit of a licence holder lapsed; the registry hears of no floating death.
      if (!recs(t.person, 'business_license').some((r) => addDays(r.date, 30) < asOf)) return { excluded: 'licence within the 30-day grace period or not submitted' };
      return { rule: 'business_without_permit' };
    case 'only_child_with_sibling': {
      if (p?.death || p?.left) return { excluded: 'died or left' };
      const births = (childrenOf.get(t.person) ?? []).map((c) => people.get(c)!.birth).sort();
      if (births.length < 2 || addDays(births[1]!, 180) >= asOf) return { excluded: 'second child within the 180-day grace period' };
      if (recs(t.person, 'only_child_insurance').some((r) => r.date > t.date)) return { excluded: 'a later record ended the policy' };
      return { rule: 'only_child_with_sibling' };
    }
    case 'name_disagreement': {
      if (!recs(t.person, 'woman_profile').some((r) => r.errors === '')) return { excluded: 'no profile submitted' };
      const naming = ['hukou_register', 'hukou_move_in', 'residence_permit', 'marriage', 'birth', 'birth_certificate', 'business_license', 'labor_migration'];
      if (!(recordsOf.get(t.person) ?? []).some((r) => naming.includes(r.type) && r.errors === '')) return { excluded: 'no other source names her (or its record was corrupted)' };
      return { rule: 'name_disagreement' };
    }
    case 'birth_order_wrong':
      if (!p || p.floating || p.arrived !== '') return { excluded: 'mother floating or moved in: the registry does not know her earlier children' };
      if (gone(p)) return { excluded: 'died or left' };
      return { rule: 'birth_order_disagreement' };
    case 'woman_profile_missing':
    case 'marriage_unknown_to_town': {
      if (gone(p)) return { excluded: 'died or left' };
      const profiles = recs(t.person, 'woman_profile');
      if (profiles.some((r) => r.date > t.date)) return { excluded: 'a later profile corrected it' };
      if (p!.marital !== '20') return { excluded: 'no longer married at the end' };
      const settled = addDays(t.date, 90);
      if (settled >= asOf) return { excluded: 'within the 90-day grace period' };
      const age = ageOn(p!.birth, t.kind === 'woman_profile_missing' ? asOf : settled);
      if (age < 15 || age > 49 || ageOn(p!.birth, asOf) > 49) return { excluded: 'not of childbearing age' };
      if (t.kind === 'woman_profile_missing' || profiles.length === 0) {
        if (p!.floating && (p!.permitUntil === '' || p!.permitUntil < asOf)) return { excluded: 'floating without a valid residence permit: the registry does not know she lives here' };
        return { rule: 'woman_profile_missing' };
      }
      return { rule: 'marriage_profile_disagreement' };
    }
    default:
      return { excluded: `kind without a rule` };
  }
}

// ---- cases ----
const db = new SqliteDatabase(path.join(work, 'popx.db'), { readonly: true });
const caseRows = db.prepare(`select c.rule_id, c.person_id, p.id_number from cases c join persons p on p.id = c.person_id where c.status in ('open','in_progress')`).all() as Array<{ rule_id: string; person_id: number; id_number: string | null }>;
const mentionRows = db
  .prepare(`select pr.person_id, pr.role, l.org_code, l.record_id, l.type, l.payload from person_records pr join ledger l on l.seq = pr.seq join persons p on p.id = pr.person_id where p.status = 'active'`)
  .all() as Array<{ person_id: number; role: string; org_code: string; record_id: string; type: string; payload: string }>;
const registryIds = new Map((db.prepare(`select id, id_number from persons where status = 'active'`).all() as Array<{ id: number; id_number: string | null }>).map((r) => [r.id, r.id_number]));
/** The true person behind a registry person without an ID number: the record persons not named by another role. */
const trueIdOf = new Map<number, string>();
/** Registry persons with a record the generator corrupted (a wrong ID number may make a person who does not exist). */
const fromCorrupted = new Set<number>();
for (const m of mentionRows) if (corruptedRecords.has(`${m.org_code} ${m.record_id}`)) fromCorrupted.add(m.person_id);
for (const m of mentionRows) {
  if (trueIdOf.has(m.person_id)) continue;
  const listed = recordPersons.get(`${m.org_code} ${m.record_id}`);
  if (!listed) continue;
  const payload = JSON.parse(m.payload) as Record<string, string>;
  const effect = registryEffectOf(m.type);
  const others = new Set((effect?.roles ?? []).filter((r) => r.role !== m.role && r.idField && payload[r.idField]).map((r) => payload[r.idField!]));
  const rest = listed.filter((p) => !others.has(p));
  if (rest.length === 1) trueIdOf.set(m.person_id, rest[0]!);
}
/** True persons the registry holds as more than one person (a linkage split). */
const registryPersonsOf = new Map<string, number>();
for (const [id, idNumber] of registryIds) {
  const truth = idNumber ?? trueIdOf.get(id);
  if (truth) registryPersonsOf.set(truth, (registryPersonsOf.get(truth) ?? 0) + 1);
}

const truthByPersonRule = new Map<string, Injected>();
const expected = new Map<string, { found: number; total: number; missed: Injected[] }>();
const excluded = new Map<string, number>();
const expectedKeys = new Set<string>();
const caseKeys = new Set(caseRows.map((c) => `${c.rule_id} ${c.id_number ?? trueIdOf.get(c.person_id) ?? `#${c.person_id}`}`));
for (const t of injected) {
  const e = expectation(t);
  if ('excluded' in e) {
    excluded.set(`${t.kind}: ${e.excluded}`, (excluded.get(`${t.kind}: ${e.excluded}`) ?? 0) + 1);
    for (const rule of (RULE_OF_KIND[t.kind] ?? '').split(' | ')) truthByPersonRule.set(`${rule} ${t.person}`, t);
    continue;
  }
  if (truthByPersonRule.has(`${e.rule} ${t.person}`) && expectedKeys.has(`${e.rule} ${t.person}`)) continue;
  truthByPersonRule.set(`${e.rule} ${t.person}`, t);
  expectedKeys.add(`${e.rule} ${t.person}`);
  const tally = expected.get(e.rule) ?? { found: 0, total: 0, missed: [] };
  tally.total += 1;
  if (caseKeys.has(`${e.rule} ${t.person}`)) tally.found += 1;
  else tally.missed.push(t);
  expected.set(e.rule, tally);
}

interface RuleQuality { rule: string; cases: number; injected: number; explainedByRecordErrors: number; unreportedLife: number; registrySplit: number; unexplained: number; precision: number | null; strictPrecision: number | null; expected: number; found: number; recall: number | null; examples: string[] }
const report: RuleQuality[] = [];
for (const rule of CROSSCHECK_RULES) {
  const cases = caseRows.filter((c) => c.rule_id === rule.id);
  let fromTruth = 0;
  let fromErrors = 0;
  let fromLife = 0;
  let fromSplit = 0;
  const examples: string[] = [];
  for (const c of cases) {
    const person = c.id_number ?? trueIdOf.get(c.person_id) ?? '';
    if (truthByPersonRule.has(`${rule.id} ${person}`)) {
      fromTruth += 1;
      continue;
    }
    // A record error explains a case only through a record of a type the rule compares, or a register.
    const family = [person, people.get(person)?.mother ?? '', ...(childrenOf.get(person) ?? [])].filter(Boolean);
    const why = troubleFor(rule.id, person) ?? (!people.has(person) && fromCorrupted.has(c.person_id) ? 'a corrupted ID number' : undefined);
    const p = people.get(person);
    if (why) fromErrors += 1;
    // A floating resident who left or died: no department reports it (truth/persons.csv has it).
    else if (p?.floating && (p.left !== '' || p.death !== '')) fromLife += 1;
    else if (family.some((f) => (registryPersonsOf.get(f) ?? 0) > 1)) fromSplit += 1;
    else if (examples.length < 5) examples.push(`person ${c.person_id} ${person}`);
  }
  const e = expected.get(rule.id);
  report.push({
    rule: rule.id,
    cases: cases.length,
    injected: fromTruth,
    explainedByRecordErrors: fromErrors,
    unreportedLife: fromLife,
    registrySplit: fromSplit,
    unexplained: cases.length - fromTruth - fromErrors - fromLife - fromSplit,
    precision: cases.length === 0 ? null : (fromTruth + fromErrors + fromLife + fromSplit) / cases.length,
    strictPrecision: cases.length === 0 ? null : fromTruth / cases.length,
    expected: e?.total ?? 0,
    found: e?.found ?? 0,
    recall: e && e.total > 0 ? e.found / e.total : null,
    examples: [...examples, ...(e?.missed ?? []).slice(0, 5).map((t) => `missed ${t.kind} ${t.person} ${t.date}`)],
  });
}
db.close();

const noTruth = CROSSCHECK_RULES.map((r) => r.id).filter((id) => !Object.values(RULE_OF_KIND).some((rules) => rules.split(' | ').includes(id)));
const fmt = (v: number | null) => (v === null ? '   –  ' : v.toFixed(3).padStart(6));
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ persons, months, seed, asOf, rates: RATES, importSeconds, rules: report, excluded: Object.fromEntries(excluded) }, null, 2)}\n`);
} else {
  const out: string[] = [];
  out.push(`popx gen --persons ${persons} --months ${months} --seed ${seed} (start ${START}), contradiction rates ${JSON.stringify(RATES)}`);
  out.push(`generated and imported in ${importSeconds.toFixed(0)} s; crosscheck as of ${asOf}`);
  out.push('');
  out.push('rule                            cases  injected  rec.err  unrep.  split  unexpl.  precision  strict   expected  found  recall');
  for (const r of report) {
    out.push(`${r.rule.padEnd(30)} ${String(r.cases).padStart(6)} ${String(r.injected).padStart(9)} ${String(r.explainedByRecordErrors).padStart(8)} ${String(r.unreportedLife).padStart(7)} ${String(r.registrySplit).padStart(6)} ${String(r.unexplained).padStart(8)}  ${fmt(r.precision)}    ${fmt(r.strictPrecision)}  ${String(r.expected).padStart(8)} ${String(r.found).padStart(6)}  ${fmt(r.recall)}`);
  }
  out.push('(injected: a contradiction in truth/contradictions.csv; rec.err: a compared record corrupted or never submitted; unrep.: a floating resident who left or died, which no department reports; split: the registry holds the person, their mother or a child as two persons)');
  out.push('');
  out.push(`Rules with no injected contradiction (recall not measured; precision: every case must be explained by a record error the generator injected or lost): ${noTruth.join(', ')}`);
  out.push('Injected contradictions not expected as of the run end, by reason:');
  for (const [reason, n] of [...excluded].sort()) out.push(`  ${String(n).padStart(5)}  ${reason}`);
  const problems = report.filter((r) => r.examples.length > 0);
  if (problems.length > 0) {
    out.push('Unexplained cases and missed contradictions (first five of each rule):');
    for (const r of problems) for (const e of r.examples) out.push(`  ${r.rule}: ${e}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
if (!args.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
