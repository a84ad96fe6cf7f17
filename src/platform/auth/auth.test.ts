import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createTestToken, createTestUser, login, TEST_PASSWORD } from '../../../test/http-helpers.js';
import { createTestContext, DIALECTS, TEST_ADMIN_PASSWORD, type TestContext } from '../../../test/test-database.js';

describe.each(DIALECTS)('sign-in and credentials on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  beforeEach(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const attempt = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('signs the admin in with an httpOnly SameSite=Strict cookie and a CSRF token', async () => {
    const response = await attempt('admin', TEST_ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/popx_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = response.json();
    expect(body.user).toMatchObject({ username: 'admin', role: 'bureau_admin', org: { code: 'BUREAU' } });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.permissions).toContain('org.write');
  });

  it('refuses a wrong password with a bilingual message and records it', async () => {
    const response = await attempt('admin', 'wrong-password-1');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', messageZh: '用户名或密码错误。' });
    const rows = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').execute();
    expect(rows.some((r) => r.result === 'denied' && r.actor_name === 'admin')).toBe(true);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const response = await attempt('nobody', 'whatever-123');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after five failures, even against the right password', async () => {
    const username = await createTestUser(t.ctx, 'town_operator', 'TOWN-005');
    for (let i = 0; i < 4; i += 1) expect((await attempt(username, 'bad-password-9')).statusCode).toBe(401);
    const fifth = await attempt(username, 'bad-password-9');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.details.lockedUntil).toBeTruthy();
    expect((await attempt(username, TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('lets an administrator unlock a locked account', async () => {
    const username = await createTestUser(t.ctx, 'auditor', 'BUREAU');
    for (let i = 0; i < 5; i += 1) await attempt(username, 'bad-password-9');
    const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
    const list = await admin.request({ method: 'GET', url: `/api/v1/users?q=${username}` });
    const user = list.json().items[0];
    expect(user.lockedUntil).toBeTruthy();
    const unlocked = await admin.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { unlock: true } });
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await attempt(username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('requires the CSRF header on writes made with the session cookie', async () => {
    const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
    const payload = { code: 'PS-999', type: 'police', name: '测试派出所' };
    const without = await app.inject({ method: 'POST', url: '/api/v1/orgs', payload, headers: { cookie: admin.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.json().error.code).toBe('CSRF_FAILED');
    expect((await admin.request({ method: 'POST', url: '/api/v1/orgs', payload })).statusCode).toBe(201);
  });

  it('ends the session on logout', async () => {
    const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
    expect((await admin.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await admin.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('expires an idle session', async () => {
    const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
    const stale = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000).toISOString();
    await t.ctx.db.kysely.updateTable('sessions').set({ last_seen_at: stale }).execute();
    const response = await admin.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('forces a user with an administrator-set password to change it before anything else', async () => {
    const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'clerk01', role: 'town_operator', orgCode: 'TOWN-005' },
    });
    expect(created.statusCode).toBe(201);
    const initial = created.json().initialPassword as string;
    const clerk = await login(app, 'clerk01', initial);
    expect(clerk.body.user.mustChangePassword).toBe(true);
    expect((await clerk.request({ method: 'GET', url: '/api/v1/divisions' })).statusCode).toBe(403);
    const weak = await clerk.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: initial, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const changed = await clerk.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: initial, newPassword: 'New-Secret-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await clerk.request({ method: 'GET', url: '/api/v1/divisions' })).statusCode).toBe(200);
    expect((await attempt('clerk01', initial)).statusCode).toBe(401);
    expect((await attempt('clerk01', 'New-Secret-2026')).statusCode).toBe(200);
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const row = await t.ctx.db.kysely.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_ADMIN_PASSWORD);
  });

  it('ends the sessions of a user who is disabled', async () => {
    const username = await createTestUser(t.ctx, 'reviewer', 'BUREAU');
    const reviewer = await login(app, username, TEST_PASSWORD);
    const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
    const list = await admin.request({ method: 'GET', url: `/api/v1/users?q=${username}` });
    await admin.request({ method: 'PATCH', url: `/api/v1/users/${list.json().items[0].id}`, payload: { active: false } });
    expect((await reviewer.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await attempt(username, TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_DISABLED');
  });

  describe('API tokens', () => {
    const me = (secret: string) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });

    it('authenticate a department system as its organisation, without CSRF', async () => {
      const { secret } = await createTestToken(t.ctx, 'PS-005');
      const response = await me(secret);
      expect(response.statusCode).toBe(200);
      expect(response.json().user).toMatchObject({ role: 'dept_system', org: { code: 'PS-005' } });
    });

    it('are stored only as hashes and show their last use', async () => {
      const { secret, id } = await createTestToken(t.ctx, 'PS-005');
      const row = await t.ctx.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(row.last_used_at).toBeNull();
      await me(secret);
      const used = await t.ctx.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(used.last_used_at).not.toBeNull();
    });

    it('stop working when revoked', async () => {
      const { secret, id } = await createTestToken(t.ctx, 'PS-005');
      const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
      expect((await admin.request({ method: 'POST', url: `/api/v1/tokens/${id}/revoke` })).json().status).toBe('revoked');
      const response = await me(secret);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('TOKEN_INVALID');
    });

    it('stop working when expired', async () => {
      const { secret, id } = await createTestToken(t.ctx, 'PS-005');
      await t.ctx.db.kysely.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
      expect((await me(secret)).statusCode).toBe(401);
    });

    it('are shown once on creation and listed with status afterwards', async () => {
      const admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
      const created = await admin.request({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { orgCode: 'HOSP-01', name: '医院 HIS 夜间上传', expiresInDays: 90 },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().token).toMatch(/^popx_/);
      const list = await admin.request({ method: 'GET', url: '/api/v1/tokens?org=HOSP-01' });
      const item = list.json().items[0];
      expect(item).toMatchObject({ name: '医院 HIS 夜间上传', status: 'active', orgCode: 'HOSP-01' });
      expect(JSON.stringify(list.json())).not.toContain(created.json().token);
    });

    it("let a department operator manage only its own organisation's tokens", async () => {
      const operator = await login(app, await createTestUser(t.ctx, 'dept_operator', 'HOSP-01'), TEST_PASSWORD);
      const own = await operator.request({ method: 'POST', url: '/api/v1/tokens', payload: { orgCode: 'HOSP-01', name: 'HIS', expiresInDays: 30 } });
      expect(own.statusCode).toBe(201);
      const other = await operator.request({ method: 'POST', url: '/api/v1/tokens', payload: { orgCode: 'PS-005', name: 'x', expiresInDays: 30 } });
      expect(other.statusCode).toBe(403);
      const { id } = await createTestToken(t.ctx, 'PS-005');
      expect((await operator.request({ method: 'POST', url: `/api/v1/tokens/${id}/revoke` })).statusCode).toBe(404);
      const list = await operator.request({ method: 'GET', url: '/api/v1/tokens' });
      expect(list.json().items.every((item: { orgCode: string }) => item.orgCode === 'HOSP-01')).toBe(true);
    });
  });
});
