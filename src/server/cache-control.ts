/**
 * An answer that depends on who asks must not stay in a browser's cache (a shared
 * computer in a member's office) or in a proxy between it and us: every /api answer
 * gets `Cache-Control: no-store`, except a public read asked without a session (the
 * directory, the agenda, the public calendar), which keeps whatever caching its route
 * chose, and a public read whose route said `public` (the same for everyone, session or
 * not). Public routes addressed by a secret token or answering with a session cookie
 * count as signed in. The web app's files (outside /api) keep @fastify/static's caching.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPluginRoute } from './access.ts';
import { sessionToken } from './session-cache.ts';

export const NO_STORE = 'no-store';

/** The Cache-Control an answer must carry, or null to leave the route's own. */
export function requiredCacheControl(request: FastifyRequest, reply: FastifyReply): string | null {
  // The matched route first: `/%61pi/…` reaches an /api route too.
  const path = [request.routeOptions.url, request.url].find((p) => p?.startsWith('/api/'));
  if (!path || isPluginRoute(path.split('?')[0] ?? path)) return null;
  const own = String(reply.getHeader('cache-control') ?? '');
  if (/\bno-store\b/.test(own)) return null;
  const publicRoute = request.routeOptions.config?.access?.kind === 'public';
  const withSession = request.auth !== null || sessionToken(request.headers.cookie ?? '') !== undefined;
  // Public routes that still answer per caller: a sign-in sets the session cookie, and a
  // secret in the path (an invitation, a calendar feed) is who asks.
  const perCaller = reply.hasHeader('set-cookie') || /\/:token\b/.test(request.routeOptions.url ?? '');
  if (publicRoute && !perCaller && (!withSession || /\bpublic\b/.test(own))) return null;
  return NO_STORE;
}

export function installCacheControl(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const value = requiredCacheControl(request, reply);
    if (value) reply.header('cache-control', value);
    return payload;
  });
}
