/**
 * Failures Fastify answers before any route or hook runs, put in the one error shape
 * `{ error: { code, message } }` with a French message: a path that is not valid
 * percent-encoding (`/api/%zz`), a path parameter over the length limit, and a request
 * that is not HTTP at all (a malformed request line or header, headers too large, a
 * client too slow), which Node's parser rejects on the socket itself.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { message } from '../i18n/messages.ts';
import { NO_STORE } from './cache-control.ts';
import type { ErrorBody } from './errors.ts';
import { securityHeaders } from './security-headers.ts';

const body = (code: string): ErrorBody => ({ error: { code, message: message(code) } });

/** Fastify's `frameworkErrors`: errors met while routing, with a request and a reply to answer them. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const [status, code] =
    error.code === 'FST_ERR_BAD_URL'
      ? [400, 'request.bad_url']
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? [414, 'request.url_too_long']
        : [500, 'internal'];
  if (status === 500) request.log.error({ err: error }, 'routing error');
  // No onRequest hook ran: the headers every answer carries are set here.
  return reply
    .headers(securityHeaders)
    .header('cache-control', NO_STORE)
    .header('x-request-id', request.id)
    .status(status)
    .send(body(code));
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request.headers_too_large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request.timeout'],
};

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request, so there is no
 * request object and the answer is written on the socket by hand, then the connection closed.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = function (
  this: { log?: { trace(obj: object, text: string): void } },
  error: Error & { code?: string },
  socket: Socket,
) {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', 'request.malformed'];
  this.log?.trace({ err: error }, 'malformed request');
  if (socket.writable) {
    const text = JSON.stringify(body(code));
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': NO_STORE,
      'X-Content-Type-Options': 'nosniff',
      Connection: 'close',
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${reason}\r\n${head.join('')}\r\n${text}`);
  }
  socket.destroy(error);
};
