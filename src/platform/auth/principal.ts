import type { Permission, Role } from './roles.js';

/** The caller of a request or command, as the access gate sees it. */
export interface Principal {
  kind: 'user' | 'token' | 'system';
  /** User id, token id, or `system`. */
  id: string;
  /** Username or token name. */
  name: string;
  displayName: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  org: { id: string; code: string; name: string; type: string };
  /** Division codes the caller's organisation serves, as recorded. */
  orgDivisions: readonly string[];
  /** Division codes the caller's organisation serves, with everything under them. */
  jurisdiction: ReadonlySet<string>;
  /** True when the jurisdiction is the whole district. */
  districtWide: boolean;
  mustChangePassword: boolean;
  sessionId?: string;
  csrfToken?: string;
}

/** True when the principal's role grants the permission. */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

/** True when a division lies inside the principal's jurisdiction. */
export function isWithinJurisdiction(principal: Principal, divisionCode: string): boolean {
  return principal.districtWide || principal.jurisdiction.has(divisionCode);
}
