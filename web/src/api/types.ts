/** Shapes of the platform API, as docs/API.md defines them. */

export type Id = number | string;

export interface SessionOrg {
  code: string;
  name: string;
  type: string;
  /** Not in the contract yet; shown as the jurisdiction when the server sends it. */
  divisions?: string[];
}

export interface SessionUser {
  id: Id;
  username: string;
  displayName: string | null;
  role: string;
  mustChangePassword: boolean;
  org: SessionOrg;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  permissions: string[];
  /** Sent by the server beyond docs/API.md: whole district, or how many divisions. */
  jurisdiction?: { districtWide: boolean; divisions: number };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export type DivisionLevel = 'district' | 'town' | 'village';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: string | null;
  kind: string | null;
}

export interface Org {
  id: Id;
  code: string;
  type: string;
  name: string;
  parentCode: string | null;
  parentName: string | null;
  divisions: string[];
  liaisonName: string | null;
  liaisonPhone: string | null;
  active: boolean;
  createdAt: string;
}

export interface OrgCreateBody {
  code: string;
  type: string;
  name: string;
  parentCode?: string;
  divisions?: string[];
  liaisonName?: string;
  liaisonPhone?: string;
}

export interface OrgPatchBody {
  name?: string;
  parentCode?: string | null;
  divisions?: string[];
  liaisonName?: string | null;
  liaisonPhone?: string | null;
  active?: boolean;
}

export interface User {
  id: Id;
  username: string;
  displayName: string | null;
  role: string;
  orgCode: string;
  orgName: string | null;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface UserCreateBody {
  username: string;
  displayName?: string;
  role: string;
  orgCode: string;
  password?: string;
}

export interface UserPatchBody {
  displayName?: string;
  role?: string;
  orgCode?: string;
  active?: boolean;
  unlock?: true;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface ApiToken {
  id: Id;
  name: string;
  orgCode: string;
  orgName: string | null;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: TokenStatus;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  actorRole: string | null;
  orgCode: string | null;
  action: string;
  targetType: string | null;
  targetIds: string[] | null;
  purpose: string | null;
  result: string;
  ip: string | null;
  details: unknown;
  hash: string;
  prevHash: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; reason: string };
}

export interface SystemHealth {
  version: string;
  uptimeSeconds: number;
  dialect: string;
  database: { ok: boolean; latencyMs: number | null };
  migrations: { applied: number; pending: number };
  memory: { rssMb: number; heapUsedMb: number };
  counts: { orgs: number; users: number; activeTokens: number; auditEntries: number };
}
