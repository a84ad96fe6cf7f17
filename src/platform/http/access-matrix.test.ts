import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestToken, loginAsRole, ROLE_ORG, type Session } from '../../../test/http-helpers.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { USER_ROLES, type Role } from '../auth/roles.js';

type Caller = Role | 'anonymous';
const ALL_USERS = USER_ROLES.filter((role) => role !== 'dept_system');
const SIGNED_IN: Caller[] = [...ALL_USERS, 'dept_system'];

/**
 * Who may reach each route, written out by hand. A route added without a line here fails the
 * test, so every new route gets a decision.
 */
const EXPECTED: Record<string, Caller[] | 'public'> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'GET /openapi.json': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': SIGNED_IN,
  'GET /api/v1/auth/me': SIGNED_IN,
  'POST /api/v1/auth/password': SIGNED_IN,
  'GET /api/v1/divisions': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer', 'auditor', 'dept_system'],
  'GET /api/v1/org-types': SIGNED_IN,
  'GET /api/v1/roles': SIGNED_IN,
  'GET /api/v1/orgs': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer', 'auditor'],
  'GET /api/v1/orgs/:code': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer', 'auditor'],
  'POST /api/v1/orgs': ['bureau_admin'],
  'PATCH /api/v1/orgs/:code': ['bureau_admin'],
  'GET /api/v1/users': ['bureau_admin', 'auditor'],
  'POST /api/v1/users': ['bureau_admin'],
  'PATCH /api/v1/users/:id': ['bureau_admin'],
  'POST /api/v1/users/:id/reset-password': ['bureau_admin'],
  'GET /api/v1/tokens': ['bureau_admin', 'dept_operator'],
  'POST /api/v1/tokens': ['bureau_admin', 'dept_operator'],
  'POST /api/v1/tokens/:id/revoke': ['bureau_admin', 'dept_operator'],
  'GET /api/v1/audit': ['auditor'],
  'GET /api/v1/audit/verify': ['auditor'],
  'GET /api/v1/system/health': ['bureau_admin', 'ops'],
  'GET /api/v1/event-types': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer', 'auditor', 'dept_system'],
  'GET /api/v1/templates/:file': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer', 'auditor', 'dept_system'],
  'POST /api/v1/submissions': ['bureau_admin', 'dept_operator', 'town_operator', 'village_operator', 'dept_system'],
  'GET /api/v1/submissions': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'auditor', 'dept_system'],
  'GET /api/v1/submissions/:id': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'auditor', 'dept_system'],
  'GET /api/v1/submissions/:id/:file': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'auditor', 'dept_system'],
  'GET /api/v1/ledger/receipts/verify': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'auditor', 'dept_system'],
  'GET /api/v1/submissions/:id/issues': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'auditor', 'dept_system'],
  'GET /api/v1/persons': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer', 'dept_system'],
  'GET /api/v1/persons/:id': ['bureau_admin', 'bureau_analyst', 'town_operator', 'village_operator', 'reviewer'],
  'GET /api/v1/link-reviews': ['bureau_admin', 'reviewer'],
  'POST /api/v1/link-reviews/:id/decision': ['bureau_admin', 'reviewer'],
  'POST /api/v1/persons/:id/merge': ['bureau_admin', 'reviewer'],
  'POST /api/v1/link-decisions/:id/revoke': ['bureau_admin', 'reviewer'],
  'GET /api/v1/agreements': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'auditor', 'dept_system'],
  'GET /api/v1/agreements/:id': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'auditor', 'dept_system'],
  'POST /api/v1/agreements': ['bureau_admin', 'dept_operator', 'town_operator', 'village_operator'],
  'POST /api/v1/agreements/:id/decision': ['bureau_admin'],
  'GET /api/v1/feeds/:agreement': ['dept_operator', 'town_operator', 'village_operator', 'dept_system'],
  'GET /api/v1/agreements/:id/export': ['dept_operator', 'town_operator', 'village_operator', 'dept_system'],
  'GET /api/v1/webhooks': ['bureau_admin', 'dept_operator', 'town_operator', 'dept_system'],
  'POST /api/v1/webhooks': ['bureau_admin', 'dept_operator', 'town_operator', 'dept_system'],
  'PATCH /api/v1/webhooks/:id': ['bureau_admin', 'dept_operator', 'town_operator', 'dept_system'],
  'POST /api/v1/webhooks/:id/rotate-secret': ['bureau_admin', 'dept_operator', 'town_operator', 'dept_system'],
  'GET /api/v1/webhooks/:id/deliveries': ['bureau_admin', 'dept_operator', 'town_operator', 'dept_system'],
  'GET /api/v1/webhook-deliveries/:id/attempts': ['bureau_admin', 'dept_operator', 'town_operator', 'dept_system'],
  'POST /api/v1/webhook-deliveries/:id/redeliver': ['bureau_admin', 'dept_operator', 'town_operator', 'dept_system'],
  'GET /api/v1/downloads/due-list': ['dept_operator', 'town_operator', 'village_operator', 'dept_system'],
  'GET /api/v1/cases': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer'],
  'GET /api/v1/cases/:id': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer'],
  'POST /api/v1/cases/:id/action': ['bureau_admin', 'dept_operator', 'town_operator', 'village_operator'],
  'GET /api/v1/stats/indicators': ['bureau_admin', 'bureau_analyst', 'town_operator', 'village_operator'],
  'GET /api/v1/stats/dashboard': ['bureau_admin', 'bureau_analyst', 'town_operator', 'village_operator'],
  'GET /api/v1/crosscheck/rules': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer'],
  'GET /api/v1/crosscheck/quality': ['bureau_admin', 'bureau_analyst', 'dept_operator', 'town_operator', 'village_operator', 'reviewer'],
};

describe.each(DIALECTS)('the access gate on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  const routes: Array<{ method: string; url: string }> = [];
  const sessions = new Map<Caller, Session | { token: string }>();

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx, {
      onRoute: (route) => {
        for (const method of [route.method].flat()) {
          if (method === 'HEAD') continue;
          if (route.url.startsWith('/api/') || route.url in { '/healthz': 1, '/readyz': 1, '/metrics': 1, '/openapi.json': 1 }) {
            routes.push({ method, url: route.url });
          }
        }
      },
    });
    for (const role of ALL_USERS) sessions.set(role, await loginAsRole(app, t.ctx, role, ROLE_ORG[role as Exclude<Role, 'dept_system'>]));
    sessions.set('dept_system', { token: (await createTestToken(t.ctx, 'HOSP-01')).secret });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('has a decision for every route, and every decision has a route', () => {
    const registered = routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows and denies every route for every role as the table says', async () => {
    const mismatches: string[] = [];
    for (const { method, url } of routes) {
      const key = `${method} ${url}`;
      const expected = EXPECTED[key];
      const concrete = url.replace(':code', 'BUREAU').replace(':id', '00000000-0000-0000-0000-000000000000').replace(':agreement', 'AG-NONE').replace(':file', url.includes('submissions') ? 'errors.csv' : 'birth.csv');
      for (const caller of [...SIGNED_IN, 'anonymous'] as Caller[]) {
        // Logging out would end the session the rest of the walk needs.
        if (key === 'POST /api/v1/auth/logout' && caller !== 'anonymous' && caller !== 'dept_system') continue;
        const session = sessions.get(caller);
        const headers: Record<string, string> = {};
        if (session && 'token' in session) headers.authorization = `Bearer ${session.token}`;
        else if (session) {
          headers.cookie = session.cookie;
          headers['x-csrf-token'] = session.csrf;
        }
        const response = await app.inject({
          method: method as 'GET',
          url: concrete,
          headers,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        const allowed = expected === 'public' || (caller !== 'anonymous' && expected!.includes(caller));
        const status = response.statusCode;
        // An allowed caller may still be refused data it has no sharing agreement for (NO_AGREEMENT):
        // that is the agreement check behind the gate, not the gate.
        const agreementRefusal = status === 403 && (response.json() as { error?: { code?: string } }).error?.code === 'NO_AGREEMENT';
        const ok = allowed ? status !== 401 && (status !== 403 || agreementRefusal) : status === (caller === 'anonymous' ? 401 : 403) && !agreementRefusal;
        if (!ok) mismatches.push(`${caller} ${key} → ${status} (expected ${allowed ? 'allowed' : 'denied'})`);
        expect(status, `${caller} ${key}`).toBeLessThan(500);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('records each denial in the audit log', async () => {
    const town = sessions.get('town_operator') as Session;
    await town.request({ method: 'GET', url: '/api/v1/users' });
    const denied = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('actor_role', '=', 'town_operator')
      .orderBy('seq')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    expect(JSON.parse(denied.at(-1)!.details)).toMatchObject({ route: '/api/v1/users', permission: 'user.read' });
  });
});
