import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import { LedgerHashBodies, ledgerHashBody } from './ledger-hash.js';

describe('the ledger hash body', () => {
  it('is the canonical JSON of the covered fields (so plain JSON.stringify is safe for it)', () => {
    const entry = {
      seq: 7,
      submission_id: 's',
      org_code: 'HOSP-01',
      type: 'birth',
      record_id: 'H1-"1"',
      action: 'create',
      refs_seq: null,
      subject: '440606199203150027',
      event_date: '2025-03-01',
      payload_hash: 'a'.repeat(64),
      committed_at: '2026-11-29T00:00:00.000Z',
    };
    const values = [entry.seq, entry.submission_id, entry.org_code, entry.type, entry.record_id, entry.action, entry.refs_seq, entry.subject, entry.event_date, entry.payload_hash, entry.committed_at];
    expect(ledgerHashBody(entry)).toBe(canonicalJson(values));
  });

  it('is JSON.stringify of the covered fields for any text, quotes, control characters and lone surrogates included', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) }));
    const entry = fc.record({
      seq: fc.nat(),
      submission_id: text,
      org_code: text,
      type: text,
      record_id: text,
      action: fc.constantFrom('create', 'correct', 'cancel'),
      refs_seq: fc.option(fc.nat(), { nil: null }),
      subject: fc.option(text, { nil: null }),
      event_date: fc.option(text, { nil: null }),
      payload_hash: text,
      committed_at: text,
    });
    fc.assert(
      fc.property(entry, (e) => {
        const values = [e.seq, e.submission_id, e.org_code, e.type, e.record_id, e.action, e.refs_seq, e.subject, e.event_date, e.payload_hash, e.committed_at];
        expect(ledgerHashBody(e)).toBe(JSON.stringify(values));
        const bodies = new LedgerHashBodies(e.submission_id, e.org_code, e.committed_at);
        const body = bodies.body(e.seq, e.type, e.record_id, e.action, e.refs_seq, e.subject, e.event_date, e.payload_hash);
        expect(body).toBe(JSON.stringify(values));
        // Again, with the type's JSON cached.
        expect(bodies.body(e.seq, e.type, e.record_id, e.action, e.refs_seq, e.subject, e.event_date, e.payload_hash)).toBe(body);
      }),
    );
  });
});
