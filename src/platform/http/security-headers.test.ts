import http from 'node:http';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/http-helpers.js';
import { createTestContext, type TestContext } from '../../../test/test-database.js';
import { securityHeaders } from './security-headers.js';

const OPTIONS = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"], upgradeInsecureRequests: null } },
};

/** What helmet's own middleware sets on a real ServerResponse. */
function helmetOnRealResponse(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const request = new http.IncomingMessage(null as never);
  const response = new http.ServerResponse(request);
  helmet(options)(request, response, () => undefined);
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([k, v]) => [k, String(v)]));
}

describe('security headers', () => {
  it('are exactly the headers helmet sets, with and without HSTS', () => {
    expect(securityHeaders(OPTIONS)).toEqual(helmetOnRealResponse(OPTIONS));
    const noHsts = { ...OPTIONS, strictTransportSecurity: false as const };
    expect(securityHeaders(noHsts)).toEqual(helmetOnRealResponse(noHsts));
    expect(securityHeaders(OPTIONS)['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(securityHeaders(noHsts)['strict-transport-security']).toBeUndefined();
  });

  describe.each([false, true])('on every response of the app (secure cookies: %s)', (cookieSecure) => {
    let t: TestContext;
    let app: Awaited<ReturnType<typeof buildTestApp>>;
    beforeAll(async () => {
      t = await createTestContext('sqlite', { cookieSecure });
      app = await buildTestApp(t.ctx);
    });
    afterAll(async () => {
      await app.close();
      await t.close();
    });

    it('sends them on API answers, errors, unknown routes and the web UI', async () => {
      for (const [method, url] of [['GET', '/healthz'], ['GET', '/api/v1/no-such-route'], ['GET', '/api/v1/orgs'], ['POST', '/api/v1/auth/login'], ['GET', '/']] as const) {
        const response = await app.inject({ method, url });
        expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
        expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
        expect(response.headers['x-content-type-options'], url).toBe('nosniff');
        expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(response.headers['referrer-policy'], url).toBe('no-referrer');
        expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
        expect(response.headers['strict-transport-security'] !== undefined, url).toBe(cookieSecure);
      }
    });
  });
});
