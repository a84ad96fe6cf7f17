import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const COMMON: Options = { allErrors: true, useDefaults: true, removeAdditional: false, strict: false };

/**
 * Two validators: query strings, params and headers are text and are coerced to the declared
 * types; JSON bodies are not, so `{"username": 42}` is an error rather than "42".
 */
export function registerValidators(app: FastifyInstance): void {
  const coercing = new Ajv({ ...COMMON, coerceTypes: 'array' });
  const strict = new Ajv({ ...COMMON, coerceTypes: false });
  for (const ajv of [coercing, strict]) addFormats.default(ajv);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
}
