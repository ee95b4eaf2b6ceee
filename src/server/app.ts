import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { message } from '../i18n/messages.ts';
import { resolveAuthContext } from '../modules/accounts/accounts.service.ts';
import { installAccessControl, PUBLIC, type RegisteredRoute } from './access.ts';
import type { AppDeps, ModuleDeps } from './app.types.ts';
import { installCacheControl } from './cache-control.ts';
import type { Config } from './config.ts';
import { AppError, errorHandler } from './errors.ts';
import { clientErrorHandler, frameworkErrors } from './framework-errors.ts';
import { appModules } from './modules.ts';
import { contractTransform, openapiDocument } from './openapi.ts';
import { createReadCache } from './read-cache.ts';
import {
  createRenderQueue,
  DEFAULT_RENDER_QUEUE,
  installRenderQueue,
  type RenderQueueOptions,
} from './render-queue.ts';
import { installRequestGuard } from './request-guard.ts';
import { securityHeaders } from './security-headers.ts';
import { createSessionCache, sessionToken } from './session-cache.ts';
import './request-context.ts';

export type { AppDeps } from './app.types.ts';

const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
const healthDownSchema = z
  .object({
    status: z.literal('unavailable'),
    database: z.enum(['pglite', 'postgres']),
    error: z.object({ code: z.literal('database.unavailable'), message: z.string() }),
  })
  .describe('La base de données ne répond pas');

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Built web app to serve; defaults to web/dist when it exists. */
  webDist?: string | null;
  /** How many document renders run and wait at once (tests make it small). */
  renderQueue?: RenderQueueOptions;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Methods that change nothing; every other one is checked for its origin (CSRF). */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Builds the HTTP application without listening: main.ts listens, tests call app.inject(). */
export async function buildApp(
  deps: AppDeps,
  options: BuildOptions = {},
): Promise<FastifyInstance & { routesTable: RegisteredRoute[] }> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.config.TRUST_PROXY),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    // Bad percent-encoding and malformed HTTP answer in the coded error shape too.
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  installRequestGuard(app);

  const routesTable: RegisteredRoute[] = [];
  installAccessControl(app, routesTable);

  // Set first, so that a route with its own policy (the API documentation) can replace one.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(rateLimit, { global: false });
  installRenderQueue(app, createRenderQueue(options.renderQueue ?? DEFAULT_RENDER_QUEUE));

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installCacheControl(app);

  // CSRF: a cookie-carrying request that changes something must come from our own pages.
  // Decided by the method alone, never by the path: the router decodes `/%61pi/…` into `/api/…`,
  // so any test on the raw URL can be spelt around (docs/decisions/013-*.md).
  const allowedOrigins = new Set(deps.config.trustedOrigins);
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !request.headers.cookie) return;
    const origin =
      request.headers.origin ?? (request.headers.referer ? safeOrigin(request.headers.referer) : undefined);
    const ownOrigin = `${request.protocol}://${request.host}`;
    if (!origin || !(allowedOrigins.has(origin) || origin === ownOrigin)) throw new AppError('auth.csrf');
  });

  // Who is calling: the session cookie, checked against the sessions table (any app server
  // can), then remembered for a short while (src/server/session-cache.ts).
  app.decorateRequest('auth', null);
  const sessionCache = await createSessionCache(deps.database);
  app.addHook('onClose', () => sessionCache.stop());
  // A change of one's own account (name, password) is seen at once by this server's next
  // request, not only when the database's notification arrives (asynchronous on PostgreSQL).
  app.addHook('onSend', async (request, reply, payload) => {
    const userId = request.auth?.userId;
    if (
      userId &&
      request.method !== 'GET' &&
      reply.statusCode < 400 &&
      routeOf(request).startsWith('/api/account')
    )
      sessionCache.forgetUser(userId);
    return payload;
  });
  app.addHook('onRequest', async (request) => {
    const cookie = request.headers.cookie;
    const token = cookie ? sessionToken(cookie) : undefined;
    if (!cookie || !token) return;
    // Sign-in, sign-out and the like: whatever this cookie meant is about to change.
    if (routeOf(request).startsWith('/api/auth/')) return sessionCache.forget(token);
    const preferred =
      typeof request.headers['x-delegation'] === 'string' ? request.headers['x-delegation'] : undefined;
    request.auth = await sessionCache.get(`${token}\n${preferred ?? ''}`, async () => {
      const headers = new Headers();
      headers.set('cookie', cookie);
      const session = await deps.auth.api.getSession({ headers }).catch(async (error: unknown) => {
        // Better Auth hides the driver's error behind its own: ask the database if it is the cause.
        const down = await deps.database.ping().then(
          () => false,
          () => true,
        );
        throw down ? new AppError('database.unavailable') : error;
      });
      if (!session) return null;
      return {
        auth: await resolveAuthContext(deps.database.db, session.user, preferred),
        userId: session.user.id,
        expiresAt: new Date(session.session.expiresAt),
      };
    });
  });

  await app.register(swagger, {
    openapi: openapiDocument,
    transform: contractTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get(
    '/api/health',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'État du serveur et de sa base de données',
        tags: ['system'],
        response: { 200: healthSchema, 503: healthDownSchema },
      },
    },
    async (_request, reply) => {
      try {
        await deps.database.ping();
        return { status: 'ok', database: deps.database.kind };
      } catch {
        return reply.status(503).send({
          status: 'unavailable',
          database: deps.database.kind,
          error: { code: 'database.unavailable', message: message('database.unavailable') },
        });
      }
    },
  );

  const registryCache = await createReadCache(deps.database, 'registry_changed');
  app.addHook('onClose', () => registryCache.stop());
  const actionsCache = await createReadCache(deps.database, 'actions_changed');
  app.addHook('onClose', () => actionsCache.stop());
  const observatoryCache = await createReadCache(deps.database, 'observatory_changed');
  app.addHook('onClose', () => observatoryCache.stop());
  const moduleDeps: ModuleDeps = { ...deps, registryCache, actionsCache, observatoryCache };
  // Each module in a scope of its own: its hooks (dropping the cached reads its writes make
  // stale, before the answer leaves) see only its routes.
  for (const module of appModules) {
    await app.register(async (scope) => {
      if (module.invalidates.length > 0)
        scope.addHook('onSend', async (request, reply, payload) => {
          const auth = request.auth;
          // The federation writes no delegation's records (decision 020): nothing to drop.
          if (!auth?.delegationId || !unsafeMethods.has(request.method) || reply.statusCode >= 400)
            return payload;
          for (const { cache, unless } of module.invalidates)
            if (!unless?.(request)) moduleDeps[cache].invalidate(auth.delegationId);
          return payload;
        });
      for (const routes of module.routes) await routes(scope, moduleDeps);
    });
  }

  const webDist = options.webDist === undefined ? defaultWebDist : options.webDist;
  const serveWeb = webDist !== null && existsSync(webDist);
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && serveWeb;
    // The web app routes on the client: unknown paths get index.html, unknown API paths a coded 404.
    if (wantsPage) return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'route.not_found', message: "Cette adresse n'existe pas." } });
  });

  return Object.assign(app, { routesTable }) as unknown as FastifyInstance & {
    routesTable: RegisteredRoute[];
  };
}

/**
 * TRUST_PROXY as Fastify takes it. A number of hops becomes the function Fastify itself
 * builds from one (its types only declare the other forms): hop 0 is the socket's peer.
 */
function trustProxyOption(value: Config['TRUST_PROXY']): FastifyServerOptions['trustProxy'] {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

/** The route the router chose (`/api/…` whatever the spelling of the URL), '' when none. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? '';
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
