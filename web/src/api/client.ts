import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of sending the user back to the login page. */
  allowUnauthenticated?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const CSRF_HEADER = 'X-CSRF-Token';
const ME_PATH = '/api/v1/auth/me';

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** Remembers the CSRF token from login or `GET /auth/me`; every non-GET sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the session is gone (the app sends the user to /login). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

/** Builds `path?query`, leaving out empty values so filters can be passed as they are. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseRetryAfter(raw: string | null): number | null {
  if (!raw) return null;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(res: Response, payload: unknown): ApiError {
  return apiErrorFrom(res.status, res.headers.get('Retry-After'), payload);
}

/** Turns an error answer (status, Retry-After header, parsed body) into an ApiError. */
export function apiErrorFrom(status: number, retryAfter: string | null, payload: unknown): ApiError {
  const envelope = (payload as { error?: Record<string, unknown> } | undefined)?.error;
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  if (envelope && typeof envelope['code'] === 'string') {
    return new ApiError({
      code: envelope['code'],
      status,
      message: typeof envelope['message'] === 'string' ? envelope['message'] : '',
      messageZh: typeof envelope['messageZh'] === 'string' ? envelope['messageZh'] : null,
      details: envelope['details'],
      retryAfterSeconds,
    });
  }
  return new ApiError({
    code: CLIENT_ERROR_CODES.http,
    status,
    message: `HTTP ${status}`,
    retryAfterSeconds,
  });
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ code: CLIENT_ERROR_CODES.network, status: 0, message: 'Network error' });
  }
}

/** The CSRF header every write sends (empty before sign-in). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

/** Tells the app the session is gone (for requests made outside `apiRequest`, e.g. uploads). */
export function reportUnauthenticated(): void {
  unauthenticatedHandler?.();
}

// A stale CSRF token (server restarted, session rotated) is repaired once from /auth/me.
export async function refreshCsrfToken(): Promise<boolean> {
  const res = await send('GET', ME_PATH, {});
  if (!res.ok) return false;
  const me = (await readJson(res)) as { csrfToken?: unknown } | undefined;
  if (typeof me?.csrfToken !== 'string') return false;
  csrfToken = me.csrfToken;
  return true;
}

/** True for the 403 the server answers a missing or stale CSRF token with. */
export function isCsrfFailure(err: ApiError): boolean {
  return err.status === 403 && err.code.includes('CSRF');
}

/** Calls the API; resolves with the parsed JSON body (undefined for 204) or throws ApiError. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, options);
  if (!res.ok && method !== 'GET') {
    const first = toApiError(res, await readJson(res.clone()));
    if (isCsrfFailure(first) && (await refreshCsrfToken())) res = await send(method, path, options);
  }
  const payload = await readJson(res);
  if (res.ok) return payload as T;
  const err = toApiError(res, payload);
  // 401 INVALID_CREDENTIALS is a wrong password (login, password change), not a lost session.
  if (res.status === 401 && err.code !== 'INVALID_CREDENTIALS' && !options.allowUnauthenticated) {
    unauthenticatedHandler?.();
  }
  throw err;
}

/** Shorthands for the verbs the platform uses. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown): Promise<T> => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown): Promise<T> => apiRequest<T>('PATCH', path, { body }),
};

/** Encodes one path segment (ids and codes may contain anything). */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}
