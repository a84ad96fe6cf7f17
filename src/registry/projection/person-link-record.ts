import { idBirthDate } from '../../platform/identity/index.js';
import type { RoleEffect } from '../effects/registry-effects.js';
import { hasValidIdCheck, recordKeyHashes, type LinkRecord } from '../linkage/index.js';
import type { Golden } from '../persons/survivorship.js';

/** A field of a record or a constant (`=2`), undefined when absent or empty. */
function valueOf(payload: Readonly<Record<string, string | number>>, source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  if (source.startsWith('=')) return source.slice(1);
  const value = payload[source];
  return value === undefined || value === '' ? undefined : String(value);
}

/** What a ledger record says about the person in one of its roles, as the linkage engine reads it. */
export function linkRecordOfRole(role: RoleEffect, payload: Readonly<Record<string, string | number>>): LinkRecord {
  const f = role.facts;
  return {
    id: role.role,
    name: valueOf(payload, role.nameField ?? f.name),
    sex: valueOf(payload, role.sexField ?? f.sex),
    birthDate: valueOf(payload, role.birthDateField ?? f.birth_date),
    idNumber: valueOf(payload, role.idField),
    division: valueOf(payload, f.hukou_division) ?? valueOf(payload, f.residence_division),
    address: valueOf(payload, f.address),
  };
}

/** A person's golden record as the linkage engine reads it. */
export function linkRecordOfGolden(personId: number, golden: Golden): LinkRecord {
  return {
    id: String(personId),
    name: golden.name?.v,
    sex: golden.sex?.v,
    birthDate: golden.birth_date?.v,
    idNumber: golden.id_number?.v,
    division: golden.hukou_division?.v ?? golden.residence_division?.v,
    address: golden.address?.v,
  };
}

/**
 * The blocking-key hashes the registry stores and looks up: the engine's keys of the name,
 * birth date (read from a valid ID number when the record has none) and place. Keys of the ID
 * number itself are left out: two different valid numbers are never linked automatically, and
 * every record with a name also has name keys. A record without a name has no keys (too little
 * to link on).
 */
export function linkKeyHashes(record: LinkRecord): readonly number[] {
  if (!record.name) return [];
  const id = record.idNumber;
  const birthDate = record.birthDate ?? (id && hasValidIdCheck(id) ? idBirthDate(id) : undefined);
  return recordKeyHashes({ id: record.id, name: record.name, birthDate, division: record.division, address: record.address });
}

/**
 * The digits of a valid ID number's first 17 characters, counted (a base-18 number; 0 when the
 * number is missing or invalid). Two numbers one adjacent swap apart share it, so a record with
 * a valid number need only look at persons without one or with the same signature.
 */
export function idSignature(idNumber: string | null | undefined): number {
  if (!idNumber || !hasValidIdCheck(idNumber)) return 0;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 17; i += 1) counts[idNumber.charCodeAt(i) - 48]! += 1;
  return counts.reduce((sig, n) => sig * 18 + n, 0);
}

/** Whether a person with ID signature `personSig` may be the record's person (signature `recordSig`). */
export function isSignatureCompatible(recordSig: number, personSig: number): boolean {
  return recordSig === 0 || personSig === 0 || personSig === recordSig;
}
