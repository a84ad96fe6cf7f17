import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../platform/config/config.js';
import { CODE_TABLES } from './code-tables.js';
import { EVENT_TYPES, eventTypeKeys, getEventType } from './event-catalog.js';
import { lookupCode } from './lookup-code.js';

/** The contract lives in the shared docs beside the project (the CI clone has it there too). */
const CATALOG_DOC = path.resolve(PROJECT_ROOT, '..', 'shared', 'docs', 'event-catalog.md');

interface ContractField {
  key: string;
  required: boolean;
  /** `[code, label]` pairs listed in parentheses, e.g. reason (`1` 婚姻 …). */
  codes: Array<[string, string]>;
}

interface ContractRow {
  section: string[];
  key: string;
  labelZh: string;
  fields: ContractField[];
}

/** Reads every `| \`type\` | 中文 | fields |` row of the catalog document. */
function readContract(): ContractRow[] {
  const rows: ContractRow[] = [];
  let section: string[] = [];
  for (const line of fs.readFileSync(CATALOG_DOC, 'utf8').split(/\r?\n/)) {
    const heading = /^## (.+?) — /.exec(line);
    if (heading) section = heading[1]!.split('/').map((org) => org.trim());
    const row = /^\| `(\w+)` \| (.+?) \| (.+) \|$/.exec(line);
    if (row)
      rows.push({ section, key: row[1]!, labelZh: row[2]!.trim(), fields: splitFields(row[3]!).map(parseField) });
  }
  return rows;
}

function splitFields(cell: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += ch;
  }
  items.push(current.trim());
  return items;
}

function parseField(item: string): ContractField {
  const match = /^(\*\*)?(\w+)(\*\*)?\s*(?:\((.*)\))?$/.exec(item);
  if (!match) throw new Error(`cannot read the field "${item}"`);
  const codes = [...(match[4] ?? '').matchAll(/`([^`]+)`\s*([^`]*)/g)].map(
    (m) => [m[1]!, m[2]!.trim().replace(/^…$/, '')] as [string, string],
  );
  return { key: match[2]!, required: match[1] === '**', codes };
}

const contract = readContract();

/** Who may submit each type: the table's department plus the notes under the tables. */
const EXPECTED_SUBMITTERS: Record<string, string[]> = {
  birth: ['health', 'mch', 'town'],
  pregnancy_termination: ['health', 'mch'],
  contraception: ['mch', 'town'],
  woman_profile: ['town', 'village'],
  pregnancy: ['town', 'village'],
};

describe('the event catalog against docs/event-catalog.md', () => {
  it('reads the 28 event types of the contract', () => {
    expect(contract).toHaveLength(28);
  });

  it('reads bold fields as required and the codes listed in parentheses', () => {
    const moveIn = contract.find((row) => row.key === 'hukou_move_in')!;
    expect(moveIn.section).toEqual(['police']);
    expect(moveIn.fields.filter((f) => f.required).map((f) => f.key)).toEqual([
      'id_number',
      'name',
      'sex',
      'birth_date',
      'division',
      'moved_on',
    ]);
    expect(moveIn.fields.find((f) => f.key === 'reason')?.codes).toEqual([
      ['1', '婚姻'],
      ['2', '工作'],
      ['3', '学习'],
      ['4', '投靠亲属'],
      ['5', '购房'],
      ['9', '其他'],
    ]);
    const vaccination = contract.find((row) => row.key === 'vaccination')!;
    expect(vaccination.fields[0]).toEqual({
      key: 'vaccine',
      required: true,
      codes: [
        ['BCG', ''],
        ['HepB', ''],
        ['OPV', ''],
      ],
    });
    expect(contract.find((row) => row.key === 'pregnancy')?.section).toEqual(['town', 'village']);
  });

  it('has every event type of the contract in its order, plus only the listed additions', () => {
    // Additions beyond the contract, each for a reason the standards give:
    // hukou_register — the police's existing register (常住人口登记表), for the initial load.
    const additions = ['hukou_register'];
    expect(eventTypeKeys().filter((key) => !additions.includes(key))).toEqual(contract.map((row) => row.key));
    for (const key of additions) expect(eventTypeKeys()).toContain(key);
  });

  for (const row of contract) {
    describe(row.key, () => {
      const type = getEventType(row.key);

      it('exists with the Chinese name of the contract', () => {
        expect(type?.labelZh).toBe(row.labelZh);
      });

      it('has every field of the contract, required exactly where the contract is bold, in order after record_id and action', () => {
        const fields = type!.fields;
        expect(fields.slice(0, 2).map((f) => f.key)).toEqual(['record_id', 'action']);
        const contractKeys = row.fields.map((f) => f.key);
        expect(fields.slice(2, 2 + contractKeys.length).map((f) => f.key)).toEqual(contractKeys);
        for (const expected of row.fields) {
          expect(fields.find((f) => f.key === expected.key)?.required, expected.key).toBe(expected.required);
        }
      });

      it('marks every field it adds beyond the contract optional', () => {
        const contractKeys = new Set(['record_id', 'action', ...row.fields.map((f) => f.key)]);
        for (const field of type!.fields.filter((f) => !contractKeys.has(f.key))) {
          expect(field.required, field.key).toBe(false);
        }
      });

      it('codes the fields whose codes the contract lists with those codes and labels', () => {
        for (const expected of row.fields.filter((f) => f.codes.length > 0)) {
          const field = type!.fields.find((f) => f.key === expected.key)!;
          expect(field.kind, field.key).toBe('code');
          const table = CODE_TABLES[field.codeTable!];
          for (const [code, label] of expected.codes) {
            expect(
              table.entries.some((entry) => entry.code === code),
              `${field.key} ${code}`,
            ).toBe(true);
            if (label) expect(lookupCode(table, label), `${field.key} ${label}`).toBe(code);
          }
        }
      });

      it('may be submitted by the department of its table and the others the contract names', () => {
        const expected = EXPECTED_SUBMITTERS[row.key] ?? row.section;
        expect([...type!.submitters].sort()).toEqual([...expected].sort());
        expect(row.section).toContain(type!.department);
      });
    });
  }

  it('takes the bureau types from no one but the bureau', () => {
    for (const type of EVENT_TYPES.filter((t) => t.department === 'bureau'))
      expect(type.submitters).toEqual(['bureau']);
  });

  it('finds no event type for an unknown key', () => {
    expect(getEventType('no_such_event')).toBeUndefined();
    expect(getEventType('toString')).toBeUndefined();
  });
});
