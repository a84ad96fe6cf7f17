import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestToken, loginAsRole, type Session } from '../../../test/http-helpers.js';
import { submitRows } from '../../../test/submit-rows.js';
import { createTestContext, DIALECTS, type TestContext } from '../../../test/test-database.js';
import { idCheckChar } from '../../platform/identity/index.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, WebhookDispatcher } from './webhook-dispatcher.js';
import { signWebhook, verifyWebhook } from './webhook-signature.js';
import { isPrivateAddress } from './webhook-target.js';

const id = (body17: string) => body17 + idCheckChar(body17);

describe('webhook signatures', () => {
  it('matches the Standard Webhooks reference example', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    const headers = { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: '1614265330', signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' };
    expect(verifyWebhook(secret, headers, body, 1614265330)).toBe(true);
    expect(verifyWebhook(secret, headers, body + ' ', 1614265330)).toBe(false);
    expect(verifyWebhook(secret, headers, body, 1614265330 + 3600)).toBe(false);
  });

  it('spreads ten attempts over about three days', () => {
    const total = RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0) / 3600;
    expect(MAX_ATTEMPTS).toBe(10);
    expect(total).toBeGreaterThan(66);
    expect(total).toBeLessThan(78);
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe.each(DIALECTS)('webhook deliveries on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let admin: Session;
  let police: { request: Session['request'] };
  let server: http.Server;
  let url: string;
  const received: Received[] = [];
  let answer: { status: number; headers?: Record<string, string> } = { status: 204 };

  beforeAll(async () => {
    t = await createTestContext(dialect, { webhookIntervalMs: 0 });
    app = await buildTestApp(t.ctx);
    admin = await loginAsRole(app, t.ctx, 'bureau_admin', 'BUREAU');
    const token = (await createTestToken(t.ctx, 'POLICE')).secret;
    police = { request: (options) => app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) } }) };
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer.status, answer.headers ?? {});
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/popx`;
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const births = (recordId: string) =>
    submitRows(t.ctx, 'HOSP-01', 'birth', [{ record_id: recordId, mother_id_number: id('44060619920315002'), child_sex: '1', birth_date: '2025-07-30', child_name: '李明' }]);

  let endpointId: string;
  let secret: string;

  it('refuses a loopback target unless the bureau allows it', async () => {
    const refused = await police.request({ method: 'POST', url: '/api/v1/webhooks', payload: { agreementId: 'AG-POLICE-BIRTHS', url } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('WEBHOOK_TARGET_REFUSED');
    const selfAllowed = await police.request({ method: 'POST', url: '/api/v1/webhooks', payload: { agreementId: 'AG-POLICE-BIRTHS', url, allowPrivate: true } });
    expect(selfAllowed.statusCode).toBe(403);
    const created = await admin.request({ method: 'POST', url: '/api/v1/webhooks', payload: { agreementId: 'AG-POLICE-BIRTHS', url, allowPrivate: true } });
    expect(created.statusCode).toBe(201);
    endpointId = created.json().id;
    secret = created.json().secret;
    expect(secret).toMatch(/^whsec_/);
    const listed = (await police.request({ method: 'GET', url: '/api/v1/webhooks' })).json();
    expect(listed.items.map((e: { id: string }) => e.id)).toEqual([endpointId]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('announces new events, signed, up to the sequence now readable', async () => {
    await app.webhookDispatcher.runOnce();
    expect(received).toHaveLength(0); // nothing to announce yet
    await births('W1');
    await app.webhookDispatcher.runOnce();
    expect(received).toHaveLength(1);
    const [first] = received;
    const body = JSON.parse(first!.body);
    expect(body).toMatchObject({ type: 'events.available', data: { agreement: 'AG-POLICE-BIRTHS', after: 0 } });
    expect(body.data.upto_seq).toBeGreaterThan(0);
    expect(verifyWebhook(secret, { id: String(first!.headers['webhook-id']), timestamp: String(first!.headers['webhook-timestamp']), signature: String(first!.headers['webhook-signature']) }, first!.body)).toBe(true);
    // The notice carries no personal data: the department pulls the feed.
    expect(first!.body).not.toContain('44060619920315002');
    await app.webhookDispatcher.runOnce();
    expect(received).toHaveLength(1);
    await births('W2');
    await app.webhookDispatcher.runOnce();
    expect(received).toHaveLength(2);
    expect(JSON.parse(received[1]!.body).data.after).toBe(body.data.upto_seq);
  });

  it('retries failures with backoff, logs every attempt, and gives up after about three days', async () => {
    answer = { status: 500 };
    received.length = 0;
    let now = new Date();
    const dispatcher = new WebhookDispatcher(t.ctx, { now: () => now });
    await births('W3');
    await dispatcher.runOnce();
    const [delivery] = (await police.request({ method: 'GET', url: `/api/v1/webhooks/${endpointId}/deliveries` })).json().items;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(Date.parse(delivery.nextAttemptAt) - now.getTime()).toBe(5000);
    const start = now.getTime();
    for (let i = 0; i < 20; i++) {
      now = new Date(now.getTime() + 25 * 3600_000);
      await dispatcher.runOnce();
    }
    const after = (await police.request({ method: 'GET', url: `/api/v1/webhooks/${endpointId}/deliveries` })).json().items[0];
    expect(after).toMatchObject({ id: delivery.id, status: 'failed', attempts: MAX_ATTEMPTS });
    const attempts = (await police.request({ method: 'GET', url: `/api/v1/webhook-deliveries/${delivery.id}/attempts` })).json().items;
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(attempts.every((a: { statusCode: number }) => a.statusCode === 500)).toBe(true);
    expect(Date.parse(attempts.at(-1).at) - start).toBeGreaterThan(60 * 3600_000);
    // Re-delivered by hand once the receiver works again.
    answer = { status: 200 };
    expect((await police.request({ method: 'POST', url: `/api/v1/webhook-deliveries/${delivery.id}/redeliver` })).statusCode).toBe(202);
    await app.webhookDispatcher.runOnce();
    const redelivered = (await police.request({ method: 'GET', url: `/api/v1/webhooks/${endpointId}/deliveries` })).json().items[0];
    expect(redelivered.status).toBe('delivered');
  });

  it('waits as long as a 429 asks, and stops on 410', async () => {
    answer = { status: 429, headers: { 'retry-after': '120' } };
    const now = new Date();
    const dispatcher = new WebhookDispatcher(t.ctx, { now: () => now });
    await births('W4');
    await dispatcher.runOnce();
    const throttled = (await police.request({ method: 'GET', url: `/api/v1/webhooks/${endpointId}/deliveries` })).json().items[0];
    expect(throttled).toMatchObject({ status: 'pending', lastStatusCode: 429 });
    expect(Date.parse(throttled.nextAttemptAt) - now.getTime()).toBe(120_000);
    answer = { status: 410 };
    const later = new Date(now.getTime() + 121_000);
    await new WebhookDispatcher(t.ctx, { now: () => later }).runOnce();
    const gone = (await police.request({ method: 'GET', url: `/api/v1/webhooks/${endpointId}/deliveries` })).json().items[0];
    expect(gone.status).toBe('gone');
    const endpoint = (await police.request({ method: 'GET', url: '/api/v1/webhooks' })).json().items[0];
    expect(endpoint.active).toBe(false);
    expect(endpoint.disabledReason).toContain('410');
  });

  it('signs with both secrets while a rotation overlaps', async () => {
    answer = { status: 204 };
    received.length = 0;
    await admin.request({ method: 'PATCH', url: `/api/v1/webhooks/${endpointId}`, payload: { active: true } });
    const rotated = (await police.request({ method: 'POST', url: `/api/v1/webhooks/${endpointId}/rotate-secret` })).json();
    expect(rotated.secret).not.toBe(secret);
    await births('W5');
    await app.webhookDispatcher.runOnce();
    const last = received.at(-1)!;
    const headers = { id: String(last.headers['webhook-id']), timestamp: String(last.headers['webhook-timestamp']), signature: String(last.headers['webhook-signature']) };
    expect(headers.signature.split(' ')).toHaveLength(2);
    expect(verifyWebhook(secret, headers, last.body)).toBe(true);
    expect(verifyWebhook(rotated.secret, headers, last.body)).toBe(true);
  });
});
