/**
 * The types a module needs from the application, and nothing else: routes files import
 * these (type-only), never `app.ts`, so no module depends on the file that registers it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import type { Auth } from '../modules/accounts/auth.ts';
import type { SetupGate } from '../modules/delegations/setup.gate.ts';
import type { Config } from './config.ts';
import type { Mailer } from './mailer.ts';
import type { ReadCache } from './read-cache.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  auth: Auth;
  mailer: Mailer;
  /** The first run's one-time code, when the server started on an installation with no delegation. */
  setupGate?: SetupGate;
}

/** Answers kept in memory per delegation, dropped on a local write or the database's NOTIFY. */
export interface ReadCaches {
  /** Registry: public directory, figures, the delegation's public page. */
  registryCache: ReadCache;
  /** The chronicle, the public agenda, a member's actions. */
  actionsCache: ReadCache;
  /** Observatory dashboards. */
  observatoryCache: ReadCache;
}

export type CacheName = keyof ReadCaches;

/** What every module's routes receive. */
export type ModuleDeps = AppDeps & ReadCaches;

export type RoutesPlugin = (app: FastifyInstance, deps: ModuleDeps) => Promise<void>;

/**
 * A feature module as the application registers it: its routes, in a scope of their own,
 * and the cached reads that a successful write through them makes stale on this server
 * (other servers hear the database's NOTIFY). `unless` spares writes that change nothing
 * cached (a member's observatory draft).
 */
export interface AppModule {
  name: string;
  routes: RoutesPlugin[];
  invalidates: { cache: CacheName; unless?: (request: FastifyRequest) => boolean }[];
}
