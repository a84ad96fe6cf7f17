import { en } from './en.js';
import type { Messages } from './messages.js';
import { useLang } from './use-lang.js';
import { zh } from './zh.js';

/** Role names the platform knows; the server may add more, shown by their code. */
export const ROLES = [
  'bureau_admin',
  'bureau_analyst',
  'dept_operator',
  'town_operator',
  'village_operator',
  'reviewer',
  'auditor',
  'ops',
] as const;

/** Organisation types from the district plan, in the order clerks expect them. */
export const ORG_TYPES = [
  'bureau',
  'police',
  'health',
  'civil',
  'labor',
  'commerce',
  'infocenter',
  'mch',
  'town',
  'village',
] as const;

function lookup(table: Readonly<Record<string, string>>, key: string | null | undefined): string {
  if (!key) return '';
  return table[key] ?? key;
}

export interface Labels {
  role: (role: string | null | undefined) => string;
  orgType: (type: string | null | undefined) => string;
  level: (level: string | null | undefined) => string;
  divisionKind: (kind: string | null | undefined) => string;
}

/** Label lookups for codes that arrive as data (roles, org types, division levels). */
export function useLabels(): Labels {
  const { lang } = useLang();
  const dict: Messages = lang === 'en' ? en : zh;
  return {
    role: (role) => lookup(dict.roles, role),
    orgType: (type) => lookup(dict.orgTypes, type),
    level: (level) => lookup(dict.levels, level),
    divisionKind: (kind) => lookup(dict.divisionKinds, kind),
  };
}
