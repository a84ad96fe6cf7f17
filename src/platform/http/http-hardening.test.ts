import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session } from '../../../test/http-helpers.js';
import { createTestContext, DIALECTS, TEST_ADMIN_PASSWORD, type TestContext } from '../../../test/test-database.js';

describe.each(DIALECTS)('HTTP behaviour on bad input, on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestContext(dialect, { bodyLimitBytes: 64 * 1024 });
    app = await buildTestApp(t.ctx);
    admin = await login(app, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'MALFORMED_JSON', messageZh: expect.any(String) });
  });

  it('answers wrong types with 400 naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 42, password: ['x'] } });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error.details)).toContain('password');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers an oversized body with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'hello',
    });
    expect(response.statusCode).toBe(415);
  });

  it('sends security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: 'nobody', password: `irrelevant-${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('never answers 5xx to random JSON bodies on write routes', async () => {
    const routes = ['/api/v1/orgs', '/api/v1/users', '/api/v1/tokens', '/api/v1/auth/password'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue(), async (url, payload) => {
        const response = await admin.request({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expect(response.statusCode).toBeLessThan(500);
        expect(response.json().error?.code ?? 'ok').toMatch(/^[A-Z_]+$|^ok$/);
      }),
      { numRuns: 60 },
    );
  });

  it('serves readiness, metrics and an OpenAPI document listing the routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('popx_http_request_duration_seconds');
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/orgs', '/api/v1/auth/login', '/api/v1/audit']));
    expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
  });

  it('gives operations the health page without any personal data', async () => {
    const { loginAsRole } = await import('../../../test/http-helpers.js');
    const ops = await loginAsRole(app, t.ctx, 'ops', 'INFOCENTER');
    const health = await ops.request({ method: 'GET', url: '/api/v1/system/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ dialect, database: { ok: true }, migrations: { pending: 0 } });
    expect((await ops.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    expect((await ops.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });
});
