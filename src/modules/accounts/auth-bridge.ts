import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../server/app.types.ts';
import { CLIENT_IP_HEADER } from './auth.ts';

export interface AuthAnswer {
  status: number;
  /** Better Auth's JSON answer (its error `code` on failure), or null when it sent none. */
  json: Record<string, unknown> | null;
  text: string;
}

/**
 * Hands a request to one of Better Auth's endpoints (its own throttling and session
 * checks apply), then copies its status, headers and cookies onto our reply. The
 * caller decides what to send: Better Auth's answer as is, or our own.
 */
export async function forwardToAuth(
  deps: Pick<ModuleDeps, 'auth' | 'config'>,
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  body?: unknown,
): Promise<AuthAnswer> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  const method = body === undefined ? request.method : 'POST';
  const hasBody = method !== 'GET' && body !== undefined;
  if (hasBody) headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const response = await deps.auth.handler(
    new Request(new URL(path, deps.config.baseUrl), {
      method,
      headers,
      body: hasBody ? JSON.stringify(body) : undefined,
    }),
  );
  reply.status(response.status);
  for (const [key, value] of response.headers)
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  // Behind a TLS proxy (TRUST_PROXY and X-Forwarded-Proto: https) the browser is on https
  // even when BASE_URL says http: the session cookie must not travel in clear then.
  const tls = request.protocol === 'https';
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => (tls && !/;\s*secure\b/i.test(cookie) ? `${cookie}; Secure` : cookie));
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
  } catch {}
  return { status: response.status, json, text };
}
