import { recordAudit } from '../../platform/audit/audit-log.js';
import { actorOf } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import type { PersonField } from '../agreements/agreement.js';
import { readableAgreement, readableAgreementsOf, type ReadableAgreement } from '../agreements/agreements.service.js';
import { selectSharedPersons, type SharedPersonRow } from './shared-persons.queries.js';

export interface SharedLookup {
  idNumber?: string;
  name?: string;
  agreement?: string;
  purpose?: string;
}

const COLUMN_OF: Record<PersonField, keyof SharedPersonRow> = {
  id_number: 'id_number',
  name: 'name',
  sex: 'sex',
  birth_date: 'birth_date',
  died_on: 'died_on',
  hukou_division: 'hukou_division',
  residence_division: 'residence_division',
  managing_division: 'managing_division',
  population: 'population',
  marital_status: 'marital_status',
  household_number: 'household_number',
  expected_delivery_on: 'expected_delivery_on',
  contraception_method: 'contraception_method',
  flags: 'flags',
};

/** A person cut to the fields an agreement shares (keys as in the agreement), with the agreement it was read under. */
export function projectPerson(row: SharedPersonRow, fields: readonly PersonField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = row[COLUMN_OF[field]];
    out[field] = field === 'flags' && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

/** True when the person is registered, lives or is managed inside the area (`null`: the whole district). */
export function isPersonInArea(row: SharedPersonRow, area: ReadonlySet<string> | null): boolean {
  if (area === null) return true;
  return [row.managing_division, row.hukou_division, row.residence_division].some((code) => code !== null && area.has(code));
}

/**
 * A department's person query (X-Road style): by exact ID number or exact name, under its
 * current agreements that share registry fields, only persons inside the agreement's area, only
 * the fields it shares, with the purpose recorded in the audit log.
 */
export async function lookupSharedPersons(ctx: AppContext, principal: Principal, query: SharedLookup, ip?: string) {
  const purpose = query.purpose?.trim();
  if (!purpose || purpose.length < 2) throw new AppError('PURPOSE_REQUIRED', { details: { field: 'purpose' } });
  if (!query.idNumber && !query.name) {
    throw new AppError('VALIDATION_FAILED', { message: 'give id_number or name', messageZh: '请提供身份证号码或姓名', details: { field: 'id_number' } });
  }
  const agreements: ReadableAgreement[] = (query.agreement ? [await readableAgreement(ctx, principal, query.agreement)] : await readableAgreementsOf(ctx, principal)).filter(
    (a) => a.agreement.personFields.length > 0 && (query.idNumber ? true : a.agreement.personFields.includes('name')),
  );
  if (agreements.length === 0) throw new AppError('NO_AGREEMENT', { details: { personFields: 'none shared' } });
  const rows = await selectSharedPersons(ctx.db, { idNumber: query.idNumber, name: query.name });
  const items: Array<{ agreement: string; person: Record<string, unknown> }> = [];
  for (const row of rows) {
    const under = agreements.find((a) => isPersonInArea(row, a.area));
    if (under) items.push({ agreement: under.agreement.id, person: projectPerson(row, under.agreement.personFields) });
  }
  await recordAudit(ctx.db, {
    actor: actorOf(principal),
    action: 'person.lookup',
    targetType: 'person',
    targetIds: rows.filter((row) => agreements.some((a) => isPersonInArea(row, a.area))).map((row) => String(row.id)),
    purpose,
    ip,
    details: { by: query.idNumber ? 'id_number' : 'name', agreements: agreements.map((a) => a.agreement.id), found: items.length },
  });
  return { items, total: items.length };
}
