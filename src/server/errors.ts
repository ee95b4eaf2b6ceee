import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { message } from '../i18n/messages.ts';
import { isDatabaseUnavailable } from './db-errors.ts';
import { type ErrorCode, type ErrorStatus, statusOf } from './error-statuses.ts';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * An expected failure: a stable code (its status comes from `error-statuses.ts`, its French
 * message from the catalogue), and optional field errors.
 */
export class AppError extends Error {
  readonly status: ErrorStatus;
  readonly fields: FieldError[];
  /** Sent with the answer (`Retry-After` of a 503). */
  readonly headers: Record<string, string>;
  constructor(
    readonly code: ErrorCode,
    options: {
      fields?: FieldError[];
      params?: Record<string, string | number>;
      message?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.message ?? message(code, options.params));
    this.status = statusOf(code);
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
  }
}

export const notFound = (code: ErrorCode = 'record.not_found') => new AppError(code);
export const forbidden = (code: ErrorCode = 'auth.forbidden') => new AppError(code);

/** Field-level validation failure: 422 with each field's code and French message. */
export function invalidFields(fields: { field: string; code: string }[]): AppError {
  return new AppError('validation.failed', {
    fields: fields.map((f) => ({ ...f, message: message(f.code) })),
  });
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[] };
}

function body(code: string, text: string, fields?: FieldError[]): ErrorBody {
  return { error: fields && fields.length > 0 ? { code, message: text, fields } : { code, message: text } };
}

// Zod issue → our field code. Messages stay generic but French and attached to the field.
function zodIssueCode(keyword: string, params: Record<string, unknown>, text: string): string {
  const missing = /received undefined/.test(text);
  switch (keyword) {
    case 'too_small':
      return params.origin === 'string' && params.minimum === 1
        ? 'validation.required'
        : 'validation.too_short';
    case 'too_big':
      return 'validation.too_long';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'validation.unknown_value';
    case 'invalid_type':
      return missing ? 'validation.required' : 'validation.wrong_type';
    case 'unrecognized_keys':
      return 'validation.unknown_field';
    default:
      return 'validation.invalid_format';
  }
}

/** A coded answer with the status of its code and its French message. */
function answer(reply: FastifyReply, code: ErrorCode, fields?: FieldError[]) {
  return reply.status(statusOf(code)).send(body(code, message(code), fields));
}

/** The one place where errors become HTTP answers. Unknown errors are logged and answered 500 without details. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply
      .headers(error.headers)
      .status(error.status)
      .send(body(error.code, error.message, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const field = [error.validationContext === 'body' ? '' : `${error.validationContext}.`, path]
        .join('')
        .replace(/\.$/, '');
      const code = zodIssueCode(v.keyword, v.params as Record<string, unknown>, v.message ?? '');
      return { field: field || String(error.validationContext), code, message: message(code) };
    });
    return answer(reply, 'request.invalid', fields);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return answer(reply, 'request.invalid_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return answer(reply, 'request.too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return answer(reply, 'request.unsupported_media_type');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return answer(reply, 'request.rate_limited');
  }
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: error }, 'database unavailable');
    return answer(reply, 'database.unavailable');
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'unhandled error');
    return answer(reply, 'internal');
  }
  return reply.status(status).send(body('request.invalid', message('request.invalid')));
}
