import { appendAudit } from '../../platform/audit/audit-log.js';
import { actorOf } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { AppContext } from '../../platform/context.js';
import type { CaseStatus, CaseTable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors/index.js';
import { findCase, insertCaseEvent, updateCase, type CaseVisibility } from './cases.repository.js';

export type CaseAction = 'start' | 'resolve' | 'dismiss' | 'reopen' | 'comment';
export const CASE_ACTIONS: readonly CaseAction[] = ['start', 'resolve', 'dismiss', 'reopen', 'comment'];

/** Which statuses each action may start from, and where it leads (comment leaves the status). */
const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus | null; needsNote: boolean }> = {
  start: { from: ['open'], to: 'in_progress', needsNote: false },
  resolve: { from: ['open', 'in_progress'], to: 'resolved', needsNote: true },
  dismiss: { from: ['open', 'in_progress'], to: 'dismissed', needsNote: true },
  reopen: { from: ['resolved', 'dismissed'], to: 'open', needsNote: false },
  comment: { from: ['open', 'in_progress', 'resolved', 'dismissed'], to: null, needsNote: true },
};

/**
 * The cases a principal sees: the bureau all; towns and villages those of their jurisdiction and
 * those they own; departments those they own.
 */
export function caseVisibilityOf(principal: Principal): CaseVisibility {
  if (principal.org.type === 'bureau') return { all: true };
  const divisions = principal.org.type === 'town' || principal.org.type === 'village' ? [...principal.jurisdiction] : [];
  return { all: false, ownerOrgCode: principal.org.code, divisions };
}

/** True when the case is among those the principal sees. */
export function isCaseVisible(principal: Principal, row: CaseTable): boolean {
  const visibility = caseVisibilityOf(principal);
  if (visibility.all) return true;
  return row.owner_org_code === visibility.ownerOrgCode || (row.division_code !== null && visibility.divisions.includes(row.division_code));
}

/** A case the principal sees, or NOT_FOUND (another's case does not exist for the caller). */
export async function visibleCase(ctx: AppContext, principal: Principal, id: string): Promise<CaseTable> {
  const row = await findCase(ctx.db.kysely, id);
  if (!row || !isCaseVisible(principal, row)) throw new AppError('NOT_FOUND', { details: { case: id } });
  return row;
}

/** A person works a case: start, resolve or dismiss with a note, reopen, or comment; recorded in the history and the audit log. */
export async function actOnCase(ctx: AppContext, principal: Principal, id: string, input: { action: CaseAction; note?: string }, ip?: string): Promise<CaseTable> {
  const current = await visibleCase(ctx, principal, id);
  const transition = TRANSITIONS[input.action];
  const note = input.note?.trim() || null;
  if (transition.needsNote && !note) {
    throw new AppError('VALIDATION_FAILED', { message: `${input.action} needs a note`, messageZh: '请填写说明', details: { field: 'note' } });
  }
  if (!transition.from.includes(current.status)) throw new AppError('INVALID_CASE_STATE', { details: { case: id, status: current.status, action: input.action } });
  const now = new Date().toISOString();
  const closing = transition.to === 'resolved' || transition.to === 'dismissed';
  const next: CaseTable = {
    ...current,
    status: transition.to ?? current.status,
    version: current.version + 1,
    updated_at: now,
    ...(closing ? { resolved_at: now, resolved_by: principal.name, resolution_note: note } : {}),
    ...(transition.to === 'open' ? { resolved_at: null, resolved_by: null, resolution_note: null } : {}),
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await updateCase(trx, next, current.version))) throw new AppError('INVALID_CASE_STATE', { details: { case: id, reason: 'changed meanwhile' } });
    await insertCaseEvent(trx, { case_id: id, version: next.version, action: input.action, actor: principal.name, at: now, note });
    await appendAudit(trx, { actor: actorOf(principal), action: `case.${input.action}`, targetType: 'case', targetIds: [id], ip, details: { rule: current.rule_id, from: current.status, to: next.status } });
  });
  return next;
}
