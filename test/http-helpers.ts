import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR } from '../src/platform/audit/actor.js';
import type { Role } from '../src/platform/auth/roles.js';
import { createToken } from '../src/platform/auth/tokens.service.js';
import type { AppContext } from '../src/platform/context.js';
import type { AppOptions } from '../src/platform/http/app.js';
import { buildServer } from '../src/server.js';
import { createUser } from '../src/platform/users/users.service.js';

export const TEST_PASSWORD = 'Correct-Horse-42';

/** The HTTP app on a test context, with logging off. */
export function buildTestApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  return buildServer(ctx, { logger: false, ...options });
}

/** A signed-in browser session: sends the cookie, and the CSRF header on writes. */
export interface Session {
  cookie: string;
  csrf: string;
  body: { user: { username: string; role: string; mustChangePassword: boolean }; permissions: string[] };
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  const cookie = raw.split(';')[0]!;
  const body = response.json() as Session['body'] & { csrfToken: string };
  return {
    cookie,
    csrf: body.csrfToken,
    body,
    request: (options) =>
      app.inject({
        ...options,
        headers: {
          cookie,
          ...(options.method && options.method !== 'GET' ? { 'x-csrf-token': body.csrfToken } : {}),
          ...(options.headers ?? {}),
        },
      }),
  };
}

let counter = 0;

/** Creates a user of a role in an organisation (no forced password change) and returns its name. */
export async function createTestUser(ctx: AppContext, role: Role, orgCode: string): Promise<string> {
  counter += 1;
  const username = `${role.replace(/_/g, '')}${counter}`;
  await createUser(ctx, SYSTEM_ACTOR, { username, role, orgCode, password: TEST_PASSWORD, mustChangePassword: false });
  return username;
}

/** Signs in a fresh user of the role. */
export async function loginAsRole(app: FastifyInstance, ctx: AppContext, role: Role, orgCode: string): Promise<Session> {
  return login(app, await createTestUser(ctx, role, orgCode), TEST_PASSWORD);
}

/** An API token secret for an organisation. */
export async function createTestToken(ctx: AppContext, orgCode: string, days = 30): Promise<{ secret: string; id: string }> {
  const result = await createToken(ctx, SYSTEM_ACTOR, { orgCode, name: 'test system', expiresInDays: days });
  return { secret: result.token, id: result.item.id };
}

/** The role that signs each organisation's users in by default, for the matrix tests. */
export const ROLE_ORG: Record<Exclude<Role, 'dept_system'>, string> = {
  bureau_admin: 'BUREAU',
  bureau_analyst: 'BUREAU',
  dept_operator: 'HOSP-01',
  town_operator: 'TOWN-005',
  village_operator: 'VIL-005001',
  reviewer: 'BUREAU',
  auditor: 'BUREAU',
  ops: 'INFOCENTER',
};
