import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from './errors.ts';
import type { AuthContext, Caller, CallerRole, FederationAuth } from './request-context.ts';

/**
 * Who may call a route. Every route declares one in `config.access`; registering a
 * route without it throws, so an undeclared route cannot reach production.
 * - `public`: anyone, signed in or not.
 * - `signedIn`: any user with a role in a delegation (not the federation: it holds none).
 * - `account`: anyone signed in, the federation too: one's own account and who one is.
 * - a list of roles: only those roles (a `member` additionally passes the organisation
 *   checks done in the service with the record at hand, see members.service.ts);
 *   `federation` is the national team's (decision 020).
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'account' }
  | { kind: 'roles'; roles: readonly CallerRole[] };

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: Access = { kind: 'signedIn' };
export const ACCOUNT: Access = { kind: 'account' };
export const allow = (...roles: readonly CallerRole[]): Access => ({ kind: 'roles', roles });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

// Routes outside /api/ are the built web app's files, and /api/docs is the API's own
// description: plugins register them, they hold no data, they are public by nature.

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

export function isPluginRoute(url: string): boolean {
  return !url.startsWith('/api/') || url === '/api/docs' || url.startsWith('/api/docs/');
}

/** Installs the declaration check (at registration) and the enforcement (on each request). */
export function installAccessControl(app: FastifyInstance, routes: RegisteredRoute[]) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      if (isPluginRoute(route.url)) return;
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no access policy (config.access)`);
    }
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    // onRequest: refused callers are turned away before their body is even parsed.
    const check = async (request: FastifyRequest, _reply: FastifyReply) => enforce(access, request);
    const existing = route.onRequest;
    route.onRequest = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : [check];
  });
}

function enforce(access: Access, request: FastifyRequest) {
  if (access.kind === 'public') return;
  const auth = request.auth;
  if (!auth) throw new AppError('auth.required');
  if (access.kind === 'roles' && !access.roles.includes(auth.role)) throw new AppError('auth.forbidden');
  if (access.kind === 'signedIn' && auth.role === 'federation') throw new AppError('auth.forbidden');
}

/**
 * The caller of a delegation's route (the access check has already run). A federation
 * caller is refused here too: it never acts in a delegation's name.
 */
export function caller(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('auth.required');
  if (request.auth.role === 'federation') throw new AppError('auth.forbidden');
  return request.auth;
}

/** The caller of a federation route. */
export function federationCaller(request: FastifyRequest): FederationAuth {
  if (!request.auth) throw new AppError('auth.required');
  if (request.auth.role !== 'federation') throw new AppError('auth.forbidden');
  return request.auth;
}

/** The caller of an `account` route: a delegation's user or the federation's. */
export function anyCaller(request: FastifyRequest): Caller {
  if (!request.auth) throw new AppError('auth.required');
  return request.auth;
}
