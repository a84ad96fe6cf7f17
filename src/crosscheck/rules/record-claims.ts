import { REGISTRY_EFFECTS, type FactName } from '../../registry/effects/registry-effects.js';

/** Where a record of a type states a fact about the person in a role: a payload field, or a constant (`=value`). */
const SOURCES = new Map<string, Map<string, Partial<Record<FactName, string>>>>();
for (const [type, effect] of Object.entries(REGISTRY_EFFECTS)) {
  const roles = new Map<string, Partial<Record<FactName, string>>>();
  for (const role of effect.roles) if (!roles.has(role.role)) roles.set(role.role, role.facts);
  SOURCES.set(type, roles);
}

/** The payload field or constant (`=value`) by which a record of `type` states `fact` about the person in `role`; undefined when it states nothing. */
export function claimSource(type: string, role: string, fact: FactName): string | undefined {
  return SOURCES.get(type)?.get(role)?.[fact];
}

/** A claim as read from a payload value: a non-empty string, or a number as text; anything else states nothing. */
export function claimValue(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** Marks a payload {@link scanField} cannot read without parsing it whole. */
export const UNSCANNED: unique symbol = Symbol('unscanned');

/**
 * One top-level field of a ledger payload's JSON text, read without parsing the rest: what
 * `JSON.parse(raw)[name]` gives, or {@link UNSCANNED} when the text is not the ledger's flat
 * canonical form this reads (compact JSON.stringify output of an object of strings, numbers,
 * booleans and nulls, no escapes). Without escapes no string holds a quote, so `"name":` can only
 * be that key; the last one wins, as in JSON.parse.
 */
export function scanField(raw: string, name: string): unknown {
  if (raw.charCodeAt(0) !== 123 || raw.indexOf('{', 1) !== -1 || raw.indexOf('[') !== -1 || raw.indexOf('\\') !== -1) return UNSCANNED;
  const key = `"${name}":`;
  const at = raw.lastIndexOf(key);
  if (at === -1) return undefined;
  const start = at + key.length;
  const first = raw.charCodeAt(start);
  if (first === 34) {
    const end = raw.indexOf('"', start + 1);
    return end === -1 ? UNSCANNED : raw.slice(start + 1, end);
  }
  let end = start;
  while (end < raw.length && raw.charCodeAt(end) !== 44 && raw.charCodeAt(end) !== 125) end += 1;
  const token = raw.slice(start, end);
  if (token === 'true') return true;
  if (token === 'false') return false;
  if (token === 'null') return null;
  return /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(token) ? Number(token) : UNSCANNED;
}
