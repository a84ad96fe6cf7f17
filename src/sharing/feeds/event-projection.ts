import { getEventType } from '../../exchange/catalog/index.js';
import type { Agreement } from '../agreements/agreement.js';

/** How one event type's payloads are cut down to what an agreement shares. */
export interface TypeProjection {
  /** The payload keys shared, or null when every field of the type is shared (payload passes as is). */
  keys: ReadonlySet<string> | null;
  /** Payload keys holding division codes, for the area check. */
  divisionKeys: readonly string[];
}

/** Per shared event type: which keys pass and which keys carry divisions. */
export function typeProjections(agreement: Agreement): Map<string, TypeProjection> {
  const out = new Map<string, TypeProjection>();
  for (const [type, fields] of Object.entries(agreement.eventFields)) {
    const definition = getEventType(type);
    if (!definition) continue;
    const all = definition.fields.map((f) => f.key);
    const shared = new Set(fields);
    out.set(type, {
      keys: all.every((key) => shared.has(key)) ? null : shared,
      divisionKeys: definition.fields.filter((f) => f.kind === 'division' || f.kind === 'division_any').map((f) => f.key),
    });
  }
  return out;
}

/** The payload's shared fields only, in the payload's key order. */
export function projectPayload(payload: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) if (keys.has(key)) out[key] = payload[key];
  return out;
}
