import type { FactName } from '../../registry/effects/registry-effects.js';
import { evidenceOf, type CrosscheckRule, type PersonRecordView } from './crosscheck-rule.js';
import { claimSource, claimValue } from './record-claims.js';

const COMPARED = ['sex', 'birth_date'] as const;
type Compared = (typeof COMPARED)[number];
const LABELS: Record<Compared, { en: string; zh: string }> = { sex: { en: 'sex', zh: '性别' }, birth_date: { en: 'birth date', zh: '出生日期' } };

/** What a record states about a fact of the person (sex, birth date, name, marital status …), by the registry effect of its type and role. */
export function claimOf(record: PersonRecordView, fact: FactName): string | null {
  const source = claimSource(record.type, record.role, fact);
  if (!source) return null;
  if (source.startsWith('=')) return source.slice(1);
  return claimValue(record.field(source));
}

/** Whether the person's records state more than one value of the fact (most persons' records agree). */
export function claimsDiffer(records: readonly PersonRecordView[], fact: FactName): boolean {
  let first: string | null = null;
  for (const record of records) {
    const value = claimOf(record, fact);
    if (value === null) continue;
    if (first === null) first = value;
    else if (value !== first) return true;
  }
  return false;
}

/**
 * 身份信息不一致: the sources linked to one person disagree on the sex or the birth date. The
 * department whose value differs from the registry's golden record (the most authoritative
 * source) is asked to check its record.
 */
export const identityDisagreement: CrosscheckRule = {
  id: 'identity_disagreement',
  version: 1,
  description: { zh: '不同来源登记的同一人性别或出生日期不一致', en: "Sources disagree on a person's sex or birth date" },
  severity: 'medium',
  sources: ['*'],
  graceDays: 0,
  dueDays: 30,
  responsible: 'suspect_department',
  autoClose: { zh: '各来源一致（更正记录）后自动关闭', en: 'Closes when the sources agree (a record is corrected)' },
  check(person) {
    const summaries: { en: string; zh: string }[] = [];
    const suspects: PersonRecordView[] = [];
    const involved = new Map<number, PersonRecordView>();
    for (const fact of COMPARED) {
      if (!claimsDiffer(person.records, fact)) continue;
      const claims = person.records.map((record) => ({ record, value: claimOf(record, fact) })).filter((c): c is { record: PersonRecordView; value: string } => c.value !== null);
      const values = [...new Set(claims.map((c) => c.value))].sort();
      if (values.length < 2) continue;
      const golden = person.golden[fact]?.v;
      for (const c of claims) {
        involved.set(c.record.seq, c.record);
        if (c.value !== golden) suspects.push(c.record);
      }
      summaries.push({ en: `${LABELS[fact].en}: ${values.join(' / ')}`, zh: `${LABELS[fact].zh}：${values.join(' / ')}` });
    }
    if (summaries.length === 0) return null;
    const records = [...involved.values()].sort((a, b) => a.seq - b.seq);
    return {
      summary: { en: summaries.map((s) => s.en).join('; '), zh: summaries.map((s) => s.zh).join('；') },
      entries: records.map((r) => ({ ...evidenceOf(r, []), fields: Object.fromEntries(COMPARED.map((f) => [f, claimOf(r, f)]).filter(([, v]) => v !== null)) })),
      suspectOrgCode: suspects[0]?.orgCode,
    };
  },
};
