import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.js';

const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/** Turns any error into a `{error:{code,message,messageZh,details}}` reply; 5xx only for bugs. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return new AppError('VALIDATION_FAILED', {
      message: `invalid request: ${fastifyError.message}`,
      details: fastifyError.validation.map((issue) => ({
        field: `${fastifyError.validationContext ?? 'body'}${issue.instancePath || ''}`,
        rule: issue.keyword,
        message: issue.message,
        params: issue.params,
      })),
    });
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError) return new AppError('MALFORMED_JSON');
  const status = fastifyError.statusCode ?? 500;
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 404) return new AppError('NOT_FOUND');
  if (status >= 400 && status < 500) {
    return new AppError('VALIDATION_FAILED', { message: fastifyError.message, messageZh: '请求无效。' });
  }
  return new AppError('INTERNAL');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'request failed');
    }
    if (appError.code === 'RATE_LIMITED' && fastifyHeader(error, 'retry-after')) {
      reply.header('retry-after', fastifyHeader(error, 'retry-after'));
    }
    return reply.status(appError.status).send(appError.toBody());
  });
}

function fastifyHeader(error: unknown, name: string): string | undefined {
  const headers = (error as { headers?: Record<string, string> }).headers;
  return headers?.[name];
}
