import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { actorOf } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import { findOrgByCode } from '../../platform/orgs/orgs.repository.js';
import { todayInDistrict } from '../../platform/district/district-time.js';
import { isAgreementCurrent, type Agreement, type AgreementScope } from './agreement.js';
import { areaDivisions, isNarrowerScope, validateScope } from './agreement-scope.js';
import { findAgreement, orgDivisionCodes, saveAgreement } from './agreements.repository.js';

export interface AgreementRequest extends AgreementScope {
  /** The requesting organisation; only the bureau may request on another's behalf. */
  orgCode?: string;
  title: string;
  purpose: string;
}

export type AgreementDecision =
  | { action: 'approve'; scope?: Partial<AgreementScope>; note?: string }
  | { action: 'narrow'; scope: Partial<AgreementScope>; note?: string }
  | { action: 'refuse' | 'suspend' | 'resume' | 'revoke'; note?: string };

/** Which status each decision may start from, and the status it leads to. */
const TRANSITIONS: Record<AgreementDecision['action'], { from: Agreement['status'][]; to: Agreement['status'] }> = {
  approve: { from: ['requested'], to: 'approved' },
  narrow: { from: ['approved', 'suspended'], to: 'approved' },
  refuse: { from: ['requested'], to: 'refused' },
  suspend: { from: ['approved'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'approved' },
  revoke: { from: ['approved', 'suspended'], to: 'revoked' },
};

/** True when the principal administers every agreement (the bureau). */
export function seesAllAgreements(principal: Principal): boolean {
  return principal.permissions.has('agreement.decide');
}

/** A department asks for data: the agreement starts as `requested`; nothing is shared until approved. */
export async function requestAgreement(ctx: AppContext, principal: Principal, input: AgreementRequest, ip?: string): Promise<Agreement> {
  const orgCode = input.orgCode ?? principal.org.code;
  if (orgCode !== principal.org.code && !seesAllAgreements(principal)) throw new AppError('FORBIDDEN', { details: { orgCode } });
  const org = await findOrgByCode(ctx.db.kysely, orgCode);
  if (!org) throw new AppError('UNKNOWN_ORG', { details: { orgCode } });
  if (input.title.trim().length < 2) throw new AppError('VALIDATION_FAILED', { message: 'give the agreement a title', messageZh: '请填写协议名称', details: { field: 'title' } });
  if (input.purpose.trim().length < 4) {
    throw new AppError('VALIDATION_FAILED', { message: 'say what the data is for (purpose, at least 4 characters)', messageZh: '请说明用途（至少 4 个字）', details: { field: 'purpose' } });
  }
  const scope = validateScope(ctx.tree, input);
  const now = new Date().toISOString();
  const agreement: Agreement = {
    ...scope,
    id: `AG-${randomBytes(5).toString('hex').toUpperCase()}`,
    orgId: org.id,
    orgCode,
    title: input.title.trim(),
    purpose: input.purpose.trim(),
    status: 'requested',
    version: 1,
    requestedBy: principal.name,
    requestedAt: now,
    decidedBy: null,
    decidedAt: null,
    note: null,
    updatedAt: now,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await saveAgreement(trx, agreement, { action: 'request', actor: principal.name, note: null, isNew: true });
    agreementsVersion += 1;
    await appendAudit(trx, { actor: actorOf(principal), action: 'agreement.request', targetType: 'agreement', targetIds: [agreement.id], ip, details: { orgCode, types: Object.keys(scope.eventFields), personFields: scope.personFields } });
  });
  return agreement;
}

/** The bureau approves (possibly narrowed), narrows, refuses, suspends, resumes or revokes. */
export async function decideAgreement(ctx: AppContext, principal: Principal, id: string, decision: AgreementDecision, ip?: string): Promise<Agreement> {
  const current = await findAgreement(ctx.db.kysely, id);
  if (!current) throw new AppError('NOT_FOUND', { details: { agreement: id } });
  const transition = TRANSITIONS[decision.action];
  if (!transition.from.includes(current.status)) {
    throw new AppError('INVALID_AGREEMENT_STATE', { details: { agreement: id, status: current.status, action: decision.action } });
  }
  let scope: AgreementScope = current;
  if ((decision.action === 'approve' || decision.action === 'narrow') && decision.scope) {
    scope = validateScope(ctx.tree, { ...pickScope(current), ...decision.scope });
    const orgDivisions = await orgDivisionCodes(ctx.db.kysely, current.orgId);
    if (!isNarrowerScope(ctx.tree, current, scope, orgDivisions)) throw new AppError('SCOPE_NOT_NARROWER', { details: { agreement: id } });
  }
  const now = new Date().toISOString();
  const next: Agreement = {
    ...current,
    ...pickScope(scope),
    status: transition.to,
    version: current.version + 1,
    decidedBy: principal.name,
    decidedAt: now,
    note: decision.note?.trim() || current.note,
    updatedAt: now,
  };
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await saveAgreement(trx, next, { action: decision.action, actor: principal.name, note: decision.note?.trim() || null, isNew: false });
      agreementsVersion += 1;
      await appendAudit(trx, { actor: actorOf(principal), action: `agreement.${decision.action}`, targetType: 'agreement', targetIds: [id], ip, details: { orgCode: current.orgCode, from: current.status, to: next.status } });
    });
  } catch (error) {
    if (error instanceof Error && error.message === 'agreement changed concurrently') throw new AppError('ALREADY_DECIDED', { details: { agreement: id } });
    throw error;
  }
  return next;
}

function pickScope(scope: AgreementScope): AgreementScope {
  return { eventFields: scope.eventFields, personFields: scope.personFields, area: scope.area, validFrom: scope.validFrom, validTo: scope.validTo };
}

/** An agreement the caller may read data under right now, with the divisions it covers (`null`: the whole district). */
export interface ReadableAgreement {
  agreement: Agreement;
  area: Set<string> | null;
}

/**
 * The agreement, if it belongs to the caller's organisation and is approved and current; throws
 * NO_AGREEMENT otherwise (also for another organisation's agreement: it does not exist for the caller).
 */
export async function readableAgreement(ctx: AppContext, principal: Principal, id: string): Promise<ReadableAgreement> {
  return agreementReadableBy(ctx, principal.org.code, id);
}

/** {@link readableAgreement} for an organisation (webhook notifications run without a caller). */
export async function agreementReadableBy(ctx: AppContext, orgCode: string, id: string): Promise<ReadableAgreement> {
  return cached(ctx, `${orgCode}\u0000${id}`, () => loadReadableAgreement(ctx, orgCode, id));
}

/**
 * Readable agreements are kept for a few seconds per process (person look-ups and feed pages
 * ask for them on every request); a decision taken in this process clears them at once, one
 * taken by another server process is seen within {@link READABLE_CACHE_MS}.
 */
const READABLE_CACHE_MS = 5_000;
let agreementsVersion = 0;
const caches = new WeakMap<AppContext, Map<string, { value: unknown; version: number; expires: number; day: string }>>();

/** `load()`'s value, kept per context for {@link READABLE_CACHE_MS}, until a decision, or until the day changes. */
async function cached<T>(ctx: AppContext, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const day = todayInDistrict();
  const hit = cache.get(key);
  if (hit && hit.version === agreementsVersion && hit.expires > Date.now() && hit.day === day) return hit.value as T;
  const value = await load();
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { value, version: agreementsVersion, expires: Date.now() + READABLE_CACHE_MS, day });
  return value;
}

async function loadReadableAgreement(ctx: AppContext, orgCode: string, id: string): Promise<ReadableAgreement> {
  const agreement = await findAgreement(ctx.db.kysely, id);
  if (!agreement || agreement.orgCode !== orgCode || !isAgreementCurrent(agreement, todayInDistrict())) {
    throw new AppError('NO_AGREEMENT', { details: { agreement: id, status: agreement && agreement.orgCode === orgCode ? agreement.status : undefined } });
  }
  const orgDivisions = await orgDivisionCodes(ctx.db.kysely, agreement.orgId);
  return { agreement, area: areaDivisions(ctx.tree, agreement.area, orgDivisions) };
}

/** The caller's organisation's current agreements (for person queries without a named agreement). */
export async function readableAgreementsOf(ctx: AppContext, principal: Principal): Promise<ReadableAgreement[]> {
  const ids = await cached(ctx, `${principal.org.code}\u0000*`, async () => {
    const rows = await ctx.db.kysely.selectFrom('agreements').select('id').where('org_code', '=', principal.org.code).where('status', '=', 'approved').execute();
    return rows.map((row) => row.id);
  });
  const out: ReadableAgreement[] = [];
  for (const id of ids) {
    try {
      out.push(await readableAgreement(ctx, principal, id));
    } catch {
      // expired: not readable
    }
  }
  return out;
}
