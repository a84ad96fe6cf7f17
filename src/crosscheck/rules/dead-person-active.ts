import type { GoldenValue } from '../../registry/index.js';
import { evidenceOf, type CrosscheckRule, type PersonRecordView, type PersonView } from './crosscheck-rule.js';

/** Roles in which a record says the person was alive and acting on its date. */
const ACTING_ROLES = new Set(['subject', 'husband', 'wife', 'adopter', 'adopter_spouse', 'legal_rep', 'child']);

/** A state that a death should have ended, and the record that keeps it active. */
interface ActiveState {
  en: string;
  zh: string;
  source: GoldenValue;
}

/**
 * 死亡后仍有业务: a person the registry holds dead (户籍注销) about whom a source reports an event
 * dated after the death, or whose insurance, pension, residence permit, business licence or
 * pregnancy registration stays active. The department whose record is suspect works the case.
 * Version 2: a record ending a policy after the death (status 2) is not an event after it.
 */
export const deadPersonActive: CrosscheckRule = {
  id: 'dead_person_active',
  version: 2,
  description: {
    zh: '已登记死亡人员仍有死亡日期之后的业务记录，或保险、居住证、营业执照、孕情登记仍有效',
    en: 'A person registered dead with events dated after the death, or with insurance, a residence permit, a business licence or a pregnancy registration still active',
  },
  severity: 'high',
  sources: ['hukou_death', 'only_child_insurance', 'two_daughter_pension', 'residence_permit', 'business_license', 'pregnancy', 'delivery_booking', '*'],
  graceDays: 0,
  dueDays: 30,
  responsible: 'suspect_department',
  autoClose: {
    zh: '相关部门注销或更正记录（或公安更正死亡登记）后自动关闭',
    en: 'Closes when the department ends or corrects its record (or the police correct the death)',
  },
  check(person) {
    const diedOn = person.diedOn;
    if (!diedOn) return null;
    const after = person.records.filter((r) => isActingAfter(r, diedOn));
    const active = activeStates(person, diedOn);
    if (after.length === 0 && active.length === 0) return null;
    const activeSeqs = new Set(active.map((s) => s.source.seq));
    const deaths = person.records.filter((r) => r.type === 'hukou_death');
    const suspects = [...person.records.filter((r) => activeSeqs.has(r.seq)), ...after.filter((r) => !activeSeqs.has(r.seq))];
    const parts = [...active.map((s) => ({ en: s.en, zh: s.zh })), ...after.map((r) => ({ en: `${r.type} on ${r.eventDate}`, zh: `${r.eventDate} 的 ${r.type} 记录` }))];
    return {
      summary: { en: `died ${diedOn}; still ${parts.map((p) => p.en).join('; ')}`, zh: `${diedOn} 死亡，仍有：${parts.map((p) => p.zh).join('；')}` },
      entries: [...deaths.map((r) => evidenceOf(r, ['died_on', 'cancelled_on', 'death_certificate_number'])), ...suspects.map((r) => evidenceOf(r, SUSPECT_FIELDS))],
      suspectOrgCode: active[0]?.source.org ?? after[0]?.orgCode,
    };
  },
};

const SUSPECT_FIELDS = ['status', 'enrolled_on', 'valid_from', 'valid_to', 'permit_number', 'credit_code', 'issued_on', 'registered_on', 'expected_delivery_on', 'recorded_on', 'vaccinated_on', 'moved_on', 'performed_on', 'checked_on'];

/** Records that end a state (an insurer reporting the policy ended): the department acting on the death, not the person acting after it. */
const ENDING: Readonly<Record<string, (record: PersonRecordView) => boolean>> = {
  only_child_insurance: (r) => r.field('status') === '2',
  two_daughter_pension: (r) => r.field('status') === '2',
};

function isActingAfter(record: PersonRecordView, diedOn: string): boolean {
  if (record.type === 'hukou_death' || record.eventDate === null || record.eventDate <= diedOn) return false;
  if (ENDING[record.type]?.(record)) return false;
  // A mother is acting only in giving birth; a father may be named after his death (a posthumous birth).
  return ACTING_ROLES.has(record.role) || (record.role === 'mother' && record.type === 'birth');
}

function activeStates(person: PersonView, diedOn: string): ActiveState[] {
  const g = person.golden;
  const out: ActiveState[] = [];
  if (g.only_child_insurance && g.only_child_insurance.v !== '2') out.push({ en: 'only-child insurance active', zh: '独生子女保险有效', source: g.only_child_insurance });
  if (g.two_daughter_pension && g.two_daughter_pension.v !== '2') out.push({ en: 'two-daughter pension active', zh: '双女户养老保险有效', source: g.two_daughter_pension });
  const permit = g.residence_permit_from;
  const permitTo = g.residence_permit_to?.v ?? null;
  if (permit && (permitTo === null || permitTo > diedOn)) out.push({ en: `residence permit valid ${permitTo ? `to ${permitTo}` : 'without end'}`, zh: `居住证有效${permitTo ? `至 ${permitTo}` : '（无截止日期）'}`, source: permit });
  if (g.business_license) out.push({ en: 'business licence active', zh: '营业执照有效', source: g.business_license });
  const started = [g.pregnancy_registered_on, g.expected_delivery_on].filter((v): v is GoldenValue => v !== undefined).sort((a, b) => (a.on < b.on ? 1 : -1))[0];
  const ended = [g.gave_birth_on?.v, g.pregnancy_terminated_on?.v].filter((v): v is string => v !== undefined).sort().at(-1);
  if (started && (ended === undefined || ended < started.on)) out.push({ en: 'pregnancy registration active', zh: '孕情登记仍有效', source: started });
  return out;
}
