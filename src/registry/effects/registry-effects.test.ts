import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../exchange/catalog/index.js';
import { REGISTRY_EFFECTS } from './registry-effects.js';

describe('registry effects', () => {
  it('say how every catalog event type changes the registry', () => {
    expect(Object.keys(REGISTRY_EFFECTS).sort()).toEqual(EVENT_TYPES.map((t) => t.key).sort());
  });

  it.each(EVENT_TYPES.map((t) => [t.key, t] as const))('name only fields that %s has', (key, type) => {
    const fields = new Set(type.fields.map((f) => f.key));
    const effect = REGISTRY_EFFECTS[key]!;
    for (const role of effect.roles) {
      const named = [role.idField, role.nameField, role.birthDateField, role.sexField, ...Object.values(role.facts)];
      for (const field of named) if (field && !field.startsWith('=')) expect(fields, `${key}.${role.role}: ${field}`).toContain(field);
      if (role.parentRole) expect(effect.roles.map((r) => r.role)).toContain(role.parentRole);
    }
    for (const rel of effect.relations ?? []) {
      expect(effect.roles.map((r) => r.role)).toEqual(expect.arrayContaining([rel.from, rel.to]));
      if (rel.dateField) expect(fields).toContain(rel.dateField);
    }
  });
});
