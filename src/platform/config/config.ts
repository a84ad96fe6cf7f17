import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runtime settings, read once from the environment (see docs/OPERATIONS.md). */
export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  adminPassword: string | undefined;
  districtFile: string | undefined;
  /** Secure cookies need HTTPS; set POPX_COOKIE_SECURE=1 behind a TLS proxy. */
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  bodyLimitBytes: number;
  logLevel: string;
  webRoot: string;
  trustProxy: boolean;
  /** Where submitted files are kept (for the error-file download and re-processing). */
  dataDir: string;
  /** Largest file a department may submit, in bytes. */
  uploadLimitBytes: number;
  /**
   * Whether the server brings the registry up to date after each submission and at start-up; off
   * when `popx registry project` runs elsewhere (a scheduled job, another process).
   */
  registryAutoProject: boolean;
  /** How often webhook notices are made and due deliveries sent, in ms; 0 turns the background run off. */
  webhookIntervalMs: number;
  /** Whether each projection chunk re-evaluates the cross-verification rules for the persons it changed (POPX_CROSSCHECK_INCREMENTAL, on by default). */
  crosscheckIncremental: boolean;
  /** District time (UTC+8, HH:MM) of the server's daily full cross-verification run; null when off (POPX_CROSSCHECK_AT=0). */
  crosscheckAt: string | null;
}

/** The project root: two levels above this file in src/ and in dist/server/. */
export const PROJECT_ROOT = findProjectRoot();

function findProjectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/platform/config → root is ../../..; dist/server/platform/config → ../../../..
  const parts = here.split(path.sep);
  const distAt = parts.lastIndexOf('dist');
  if (distAt > 0) return parts.slice(0, distAt).join(path.sep) || path.sep;
  return path.resolve(here, '..', '..', '..');
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/popx.db';

/** Builds the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: readInt(env.PORT, 8080, 'PORT'),
    databaseUrl: env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL,
    adminPassword: env.POPX_ADMIN_PASSWORD || undefined,
    districtFile: env.POPX_DISTRICT || undefined,
    cookieSecure: env.POPX_COOKIE_SECURE === '1' || env.POPX_COOKIE_SECURE === 'true',
    sessionIdleMinutes: readInt(env.POPX_SESSION_IDLE_MINUTES, 30, 'POPX_SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: readInt(env.POPX_SESSION_MAX_HOURS, 12, 'POPX_SESSION_MAX_HOURS'),
    loginMaxFailures: readInt(env.POPX_LOGIN_MAX_FAILURES, 5, 'POPX_LOGIN_MAX_FAILURES'),
    loginLockMinutes: readInt(env.POPX_LOGIN_LOCK_MINUTES, 15, 'POPX_LOGIN_LOCK_MINUTES'),
    bodyLimitBytes: readInt(env.POPX_BODY_LIMIT_BYTES, 1024 * 1024, 'POPX_BODY_LIMIT_BYTES'),
    logLevel: env.POPX_LOG_LEVEL ?? 'info',
    webRoot: env.POPX_WEB_ROOT ?? path.join(PROJECT_ROOT, 'dist', 'web'),
    trustProxy: env.POPX_TRUST_PROXY === '1',
    dataDir: path.resolve(env.POPX_DATA_DIR ?? 'data'),
    uploadLimitBytes: readInt(env.POPX_UPLOAD_LIMIT_BYTES, 1024 * 1024 * 1024, 'POPX_UPLOAD_LIMIT_BYTES'),
    registryAutoProject: env.POPX_REGISTRY_AUTOPROJECT !== '0' && env.POPX_REGISTRY_AUTOPROJECT !== 'false',
    webhookIntervalMs: readInt(env.POPX_WEBHOOK_INTERVAL_MS, 2000, 'POPX_WEBHOOK_INTERVAL_MS'),
    crosscheckIncremental: env.POPX_CROSSCHECK_INCREMENTAL !== '0' && env.POPX_CROSSCHECK_INCREMENTAL !== 'false',
    crosscheckAt: readTimeOfDay(env.POPX_CROSSCHECK_AT, '02:00', 'POPX_CROSSCHECK_AT'),
  };
}

/** HH:MM (24 h), or null for "0"/"off". */
function readTimeOfDay(raw: string | undefined, fallback: string, name: string): string | null {
  const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  if (value === '0' || value === 'off') return null;
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`${name} must be HH:MM (district time) or 0 to turn it off, got "${raw}"`);
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

function readInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
