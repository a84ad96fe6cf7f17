import type { Kysely } from 'kysely';
import { appendAuditEntries } from '../../platform/audit/audit-log.js';
import { SYSTEM_ACTOR } from '../../platform/audit/actor.js';
import type { Database } from '../../platform/db/index.js';
import { insertCaseEvent, overdueUnescalatedCases, updateCase } from './cases.repository.js';

const ESCALATE_NOTE = 'past its due date: escalated to the bureau / 已逾期，上报区卫生健康局';
const BATCH = 500;

/**
 * Marks every open case past its due date (due before `asOf`) as escalated to the bureau, once:
 * a history entry and an audit entry each. Returns how many it escalated.
 */
export async function escalateOverdueCases(db: Kysely<Database>, asOf: string): Promise<number> {
  let escalated = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await overdueUnescalatedCases(trx, asOf, BATCH);
      const now = new Date().toISOString();
      const audits = [];
      for (const row of rows) {
        if (!(await updateCase(trx, { ...row, escalated_at: now, version: row.version + 1, updated_at: now }, row.version))) continue;
        await insertCaseEvent(trx, { case_id: row.id, version: row.version + 1, action: 'escalate', actor: 'system', at: now, note: ESCALATE_NOTE });
        audits.push({ actor: SYSTEM_ACTOR, action: 'case.escalate', targetType: 'case', targetIds: [row.id], details: { rule: row.rule_id, dueOn: row.due_on, owner: row.owner_org_code } });
      }
      if (audits.length > 0) await appendAuditEntries(trx, audits);
      escalated += audits.length;
      return rows.length < BATCH;
    });
    if (done) return escalated;
  }
}
