/**
 * Roles and what each may do. This table is the one place permissions are granted; the access
 * gate denies anything not listed here. Jurisdiction (which divisions a caller sees) is applied
 * on top of these, and later the data-sharing agreements on top of that.
 */
export const PERMISSIONS = [
  'division.read',
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'token.read',
  'token.write',
  'audit.read',
  'system.health',
  'catalog.read',
  'submission.create',
  'submission.read',
  'person.read',
  'person.unmask',
  'link_review.decide',
  'agreement.read',
  'agreement.request',
  'agreement.decide',
  'shared.read',
  'webhook.manage',
  'case.read',
  'case.work',
  'stats.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'bureau_admin',
  'bureau_analyst',
  'dept_operator',
  'town_operator',
  'village_operator',
  'reviewer',
  'auditor',
  'ops',
  'dept_system',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles a person can hold; `dept_system` is the role of API tokens only. */
export const USER_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'dept_system');

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  bureau_admin: [
    'division.read',
    'org.read',
    'org.write',
    'user.read',
    'user.write',
    'token.read',
    'token.write',
    'system.health',
    'catalog.read',
    'submission.create',
    'submission.read',
    'person.read',
    'person.unmask',
    'link_review.decide',
    'agreement.read',
    'agreement.request',
    'agreement.decide',
    'webhook.manage',
    'case.read',
    'case.work',
    'stats.read',
  ],
  // Analysts work with masked persons (statistics need no ID numbers).
  bureau_analyst: ['division.read', 'org.read', 'catalog.read', 'submission.read', 'person.read', 'agreement.read', 'case.read', 'stats.read'],
  // Departments read what their agreements share, and nothing else of the registry.
  dept_operator: [
    'division.read',
    'org.read',
    'token.read',
    'token.write',
    'catalog.read',
    'submission.create',
    'submission.read',
    'agreement.read',
    'agreement.request',
    'shared.read',
    'webhook.manage',
    'case.read',
    'case.work',
  ],
  // Towns and villages see the persons they manage, and may unmask them with a stated purpose.
  town_operator: [
    'division.read',
    'org.read',
    'catalog.read',
    'submission.create',
    'submission.read',
    'person.read',
    'person.unmask',
    'agreement.read',
    'agreement.request',
    'shared.read',
    'webhook.manage',
    'case.read',
    'case.work',
    'stats.read',
  ],
  village_operator: [
    'division.read',
    'org.read',
    'catalog.read',
    'submission.create',
    'submission.read',
    'person.read',
    'person.unmask',
    'agreement.read',
    'agreement.request',
    'shared.read',
    'case.read',
    'case.work',
    'stats.read',
  ],
  reviewer: ['division.read', 'org.read', 'catalog.read', 'person.read', 'person.unmask', 'link_review.decide', 'case.read'],
  // Separation of duties: the auditor reads the audit log; nobody else does, and the auditor
  // changes nothing.
  auditor: ['division.read', 'org.read', 'user.read', 'audit.read', 'catalog.read', 'submission.read', 'agreement.read'],
  // Operations sees system health and never personal data.
  ops: ['system.health'],
  dept_system: ['division.read', 'catalog.read', 'submission.create', 'submission.read', 'agreement.read', 'shared.read', 'webhook.manage'],
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  bureau_admin: { zh: '人口计生局管理员', en: 'Bureau administrator' },
  bureau_analyst: { zh: '人口计生局分析员', en: 'Bureau analyst' },
  dept_operator: { zh: '部门操作员', en: 'Department operator' },
  town_operator: { zh: '镇街操作员', en: 'Town operator' },
  village_operator: { zh: '村居操作员', en: 'Village operator' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  auditor: { zh: '审计员', en: 'Auditor' },
  ops: { zh: '运维', en: 'Operations' },
  dept_system: { zh: '部门系统（令牌）', en: 'Department system (token)' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}
