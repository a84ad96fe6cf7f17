import i18next from 'i18next';

/** Codes the client itself raises when there is no server answer to show. */
export const CLIENT_ERROR_CODES = { network: 'NETWORK_ERROR', http: 'HTTP_ERROR' } as const;

/** An error answered by the API (`{error:{code,message,messageZh,details}}`) or a transport failure. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageZh: string | null;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    code: string;
    status: number;
    message: string;
    messageZh?: string | null;
    details?: unknown;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.messageZh = init.messageZh ?? null;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** Narrows unknown errors to ApiError with a given code. */
export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** The message to show a person: the server's Chinese text in Chinese mode, English otherwise. */
export function describeError(err: unknown): string {
  const t = i18next.t.bind(i18next);
  if (!(err instanceof ApiError)) {
    return err instanceof Error && err.message ? err.message : t('errors.unknown', { status: '?' });
  }
  if (err.code === CLIENT_ERROR_CODES.network) return t('errors.network');
  if (err.code === CLIENT_ERROR_CODES.http) return t('errors.unknown', { status: err.status });
  const zhMode = i18next.language !== 'en';
  if (zhMode && err.messageZh) return err.messageZh;
  return err.message || err.messageZh || t('errors.unknown', { status: err.status });
}
