import type { Principal } from '../auth/principal.js';
import type { AuditActor } from './audit-log.js';

/** The audit actor for a principal. */
export function actorOf(principal: Principal): AuditActor {
  return {
    type: principal.kind,
    id: principal.id,
    name: principal.name,
    role: principal.role,
    orgCode: principal.org.code,
  };
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', name: 'popx', role: null, orgCode: null };
