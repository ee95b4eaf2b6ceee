import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import { message } from '../i18n/messages.ts';
import { accountRoutes } from '../modules/accounts/account.routes.ts';
import { accountsRoutes } from '../modules/accounts/accounts.routes.ts';
import { resolveAuthContext } from '../modules/accounts/accounts.service.ts';
import type { Auth } from '../modules/accounts/auth.ts';
import { actionsRoutes } from '../modules/actions/actions.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { delegationSettingsRoutes } from '../modules/delegations/settings.routes.ts';
import type { SetupGate } from '../modules/delegations/setup.gate.ts';
import { setupRoutes } from '../modules/delegations/setup.routes.ts';
import { duesRoutes } from '../modules/dues/dues.routes.ts';
import { calendarRoutes } from '../modules/events/calendar.routes.ts';
import { eventsRoutes } from '../modules/events/events.routes.ts';
import { federationRoutes } from '../modules/federation/federation.routes.ts';
import { figuresRoutes } from '../modules/figures/figures.routes.ts';
import { fundersRoutes } from '../modules/funders/funders.routes.ts';
import { governanceRoutes } from '../modules/governance/governance.routes.ts';
import { publicGovernanceRoutes } from '../modules/governance/public.routes.ts';
import { staffRoutes } from '../modules/governance/staff.routes.ts';
import { exportRoutes } from '../modules/members/export.routes.ts';
import { importRoutes } from '../modules/members/import.routes.ts';
import { membersRoutes } from '../modules/members/members.routes.ts';
import { publicRoutes } from '../modules/members/public.routes.ts';
import { qualityRoutes } from '../modules/members/quality.routes.ts';
import { observatoryCampaignsRoutes } from '../modules/observatory/campaigns.routes.ts';
import { observatoryDashboardRoutes } from '../modules/observatory/dashboard.routes.ts';
import { observatoryDeclaredRoutes } from '../modules/observatory/declared.routes.ts';
import { practiceGroupsRoutes } from '../modules/practice-groups/practice-groups.routes.ts';
import { purchasingRoutes } from '../modules/purchasing/purchasing.routes.ts';
import { qualityApproachesRoutes } from '../modules/quality-approaches/quality-approaches.routes.ts';
import { reportsRoutes } from '../modules/reports/reports.routes.ts';
import { supportRoutes } from '../modules/support/support.routes.ts';
import { territoriesRoutes } from '../modules/territories/territories.routes.ts';
import { trainingsRoutes } from '../modules/trainings/trainings.routes.ts';
import { installAccessControl, PUBLIC, type RegisteredRoute } from './access.ts';
import { installCacheControl } from './cache-control.ts';
import type { Config } from './config.ts';
import { AppError, errorHandler } from './errors.ts';
import { clientErrorHandler, frameworkErrors } from './framework-errors.ts';
import type { Mailer } from './mailer.ts';
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

export interface AppDeps {
  config: Config;
  database: Database;
  auth: Auth;
  mailer: Mailer;
  /** The first run's one-time code, when the server started on an installation with no delegation. */
  setupGate?: SetupGate;
}

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
    if (!origin || !(allowedOrigins.has(origin) || origin === ownOrigin))
      throw new AppError('auth.csrf', 403);
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
        throw down ? new AppError('database.unavailable', 503) : error;
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
    openapi: {
      info: {
        title: 'Maillage API',
        version: '0.1.0',
        description: "API de Maillage, le système d'information d'un réseau de SIAE.",
      },
      servers: [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get(
    '/api/health',
    { config: { access: PUBLIC }, schema: { tags: ['system'] } },
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
  // A write by a delegation's user may change what the actions cache holds (an action, an
  // attendance count, a name): drop the delegation here before answering; other servers
  // hear it from the database (migrations/0013_actions_notify.sql).
  const observatoryCache = await createReadCache(deps.database, 'observatory_changed');
  app.addHook('onClose', () => observatoryCache.stop());
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.auth?.delegationId && unsafeMethods.has(request.method) && reply.statusCode < 400) {
      actionsCache.invalidate(request.auth.delegationId);
      // A member's own saves are drafts, which no dashboard counts (migrations/0019).
      const draftSave = request.auth.role === 'member' && request.routeOptions.url === MEMBER_DRAFT_SAVE;
      if (routeOf(request).startsWith('/api/observatory/') && !draftSave)
        observatoryCache.invalidate(request.auth.delegationId);
    }
    return payload;
  });
  await app.register(async (scope) => {
    await accountsRoutes(scope, deps);
    await accountRoutes(scope, deps);
    await setupRoutes(scope, deps);
    await delegationSettingsRoutes(scope, deps);
    await membersRoutes(scope, { ...deps, registryCache });
    await importRoutes(scope, { ...deps, registryCache });
    await publicRoutes(scope, { ...deps, registryCache });
    await qualityRoutes(scope, deps);
    await exportRoutes(scope, { ...deps, registryCache });
    await governanceRoutes(scope, deps);
    await staffRoutes(scope, deps);
    await publicGovernanceRoutes(scope, { ...deps, registryCache });
    await auditRoutes(scope, deps);
    await duesRoutes(scope, deps);
    await eventsRoutes(scope, deps);
    await calendarRoutes(scope, deps);
    await actionsRoutes(scope, { ...deps, registryCache, actionsCache });
    await practiceGroupsRoutes(scope, deps);
    await trainingsRoutes(scope, deps);
    await figuresRoutes(scope, deps);
    await supportRoutes(scope, deps);
    await observatoryCampaignsRoutes(scope, deps);
    await observatoryDashboardRoutes(scope, { ...deps, observatoryCache });
    await observatoryDeclaredRoutes(scope, deps);
    await fundersRoutes(scope, deps);
    await qualityApproachesRoutes(scope, deps);
    await purchasingRoutes(scope, deps);
    await territoriesRoutes(scope, deps);
    await reportsRoutes(scope, deps);
    await federationRoutes(scope, deps);
  });

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

const MEMBER_DRAFT_SAVE = '/api/observatory/submissions/:id/values';

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
