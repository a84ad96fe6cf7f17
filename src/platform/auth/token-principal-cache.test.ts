import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestToken, login, type Session } from '../../../test/http-helpers.js';
import { createTestContext, DIALECTS, TEST_ADMIN_PASSWORD, type TestContext } from '../../../test/test-database.js';

describe.each(DIALECTS)('a token in use (its principal cached) on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildTestApp(t.ctx);
    admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const me = (secret: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });

  it('stops working on the very next request once revoked', async () => {
    const { secret, id } = await createTestToken(t.ctx, 'PS-005');
    expect((await me(secret)).statusCode).toBe(200);
    expect((await me(secret)).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: `/api/v1/tokens/${id}/revoke` })).json().status).toBe('revoked');
    const response = await me(secret);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('TOKEN_INVALID');
  });

  it('stops working on the very next request once its organisation is deactivated, and shows a renamed organisation at once', async () => {
    const { secret } = await createTestToken(t.ctx, 'HOSP-02');
    expect((await me(secret)).json().user.org.code).toBe('HOSP-02');
    const renamed = await admin.request({ method: 'PATCH', url: '/api/v1/orgs/HOSP-02', payload: { name: '区第二人民医院（新址）' } });
    expect(renamed.statusCode).toBe(200);
    expect((await me(secret)).json().user.org.name).toBe('区第二人民医院（新址）');
    expect((await admin.request({ method: 'PATCH', url: '/api/v1/orgs/HOSP-02', payload: { active: false } })).statusCode).toBe(200);
    expect((await me(secret)).statusCode).toBe(401);
  });

  it('is not kept past the token’s own expiry', async () => {
    const { secret, id } = await createTestToken(t.ctx, 'PS-005');
    await t.ctx.db.kysely.updateTable('api_tokens').set({ expires_at: new Date(Date.now() + 300).toISOString() }).where('id', '=', id).execute();
    expect((await me(secret)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await me(secret)).statusCode).toBe(401);
  });
});
