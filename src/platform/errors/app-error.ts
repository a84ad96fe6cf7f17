import { ERROR_CODES, type ErrorCode } from './error-codes.js';

/**
 * The one error type: a stable code, an HTTP status, messages in English and Chinese, and
 * optional details the caller can act on. Never carries personal data or SQL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageZh: string;
  readonly details: unknown;

  constructor(code: ErrorCode, options: { message?: string; messageZh?: string; details?: unknown } = {}) {
    const known = ERROR_CODES[code];
    super(options.message ?? known.en);
    this.name = 'AppError';
    this.code = code;
    this.status = known.status;
    this.messageZh = options.messageZh ?? known.zh;
    this.details = options.details;
  }

  /** The reply body of the error shape in docs/API.md. */
  toBody(): { error: { code: string; message: string; messageZh: string; details?: unknown } } {
    const body: { code: string; message: string; messageZh: string; details?: unknown } = {
      code: this.code,
      message: this.message,
      messageZh: this.messageZh,
    };
    if (this.details !== undefined) body.details = this.details;
    return { error: body };
  }
}
