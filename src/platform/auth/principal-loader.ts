import type { Db } from '../db/index.js';
import type { DivisionTree } from '../district/division-tree.js';
import type { Principal } from './principal.js';
import { isRole, permissionsOf, type Role } from './roles.js';

export interface PrincipalOrg {
  id: string;
  code: string;
  name: string;
  type: string;
}

/** Loads an organisation's served divisions and expands them over the division tree. */
export async function jurisdictionOf(
  db: Db,
  tree: DivisionTree,
  orgId: string,
): Promise<{ jurisdiction: Set<string>; districtWide: boolean; codes: string[] }> {
  const rows = await db.kysely
    .selectFrom('org_divisions')
    .select('division_code')
    .where('org_id', '=', orgId)
    .execute();
  const codes = rows.map((row) => row.division_code);
  const districtWide = codes.includes(tree.root.code);
  return { jurisdiction: tree.expand(codes), districtWide, codes };
}

/** Builds a principal for a user or token of an organisation. */
export async function buildPrincipal(
  db: Db,
  tree: DivisionTree,
  input: {
    kind: 'user' | 'token';
    id: string;
    name: string;
    displayName: string;
    role: string;
    org: PrincipalOrg;
    mustChangePassword?: boolean;
    sessionId?: string;
    csrfToken?: string;
  },
): Promise<Principal> {
  const role: Role = isRole(input.role) ? input.role : 'ops';
  const scope = await jurisdictionOf(db, tree, input.org.id);
  // A user who must change the password may do nothing else until they do.
  const permissions = input.mustChangePassword ? new Set<never>() : permissionsOf(role);
  return {
    kind: input.kind,
    id: input.id,
    name: input.name,
    displayName: input.displayName,
    role,
    permissions,
    org: input.org,
    orgDivisions: scope.codes,
    jurisdiction: scope.jurisdiction,
    districtWide: scope.districtWide,
    mustChangePassword: input.mustChangePassword ?? false,
    sessionId: input.sessionId,
    csrfToken: input.csrfToken,
  };
}
