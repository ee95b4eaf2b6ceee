import { mkdirSync } from 'node:fs';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { releaseBrokenClients } from './pool-guard.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  /** Runs as the connecting user (owner): migrations, seeding, auth tables. Never for tenant data in requests. */
  db: Db;
  /** Cheap liveness probe for /api/health. */
  ping(): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel (every app server on the database hears every
   * notification). Between `onLost` and `onRestored` notifications may be missed (the
   * listening connection broke): whoever relies on them must not trust what they hold.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  onLost(): void;
  onRestored(): void;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /**
   * Where LISTEN connects (defaults to databaseUrl). A transaction-mode pooler hands each
   * transaction any server connection, so a subscription made through it is lost: point
   * this at the database directly (or at a session-mode pool).
   */
  listenUrl?: string | undefined;
  /** Directory of the embedded database; `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  /** A tarball of a data directory to start from (tests clone a migrated database this way). */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number;
  /** PostgreSQL only (PGlite runs in the process: nothing to wait for on a network). */
  timeouts?: Partial<DatabaseTimeouts>;
}

/**
 * How long the server waits on PostgreSQL before giving up, so that a database that stops
 * answering (connections open but silent) turns into 503s instead of requests that hang.
 */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /**
   * One statement. PostgreSQL cancels it after this long (`statement_timeout`, set in every
   * tenant transaction); the driver gives up on any query 2 s later (the answer may never
   * come: the network is silent) and throws its connection away.
   */
  statementMs: number;
  /** A transaction left open with nothing running (`idle_in_transaction_session_timeout`). */
  idleInTransactionMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
};

/** The health probe's own deadline: /api/health answers within 2 s whatever the database does. */
export const PING_TIMEOUT_MS = 1_500;

/** How often the LISTEN connection proves it is alive (a silent one would miss every change). */
const LISTEN_HEARTBEAT_MS = 10_000;

/**
 * Settings of every tenant transaction on a PostgreSQL pool (transaction-local: they hold
 * behind a transaction-mode pooler, which refuses them as start-up parameters).
 */
const transactionSettings = new WeakMap<Db, Record<string, string>>();

/** A query the driver gives up on after `ms` (its types miss this option of pg's). */
function timedQuery(text: string, ms: number): pg.QueryConfig {
  return { text, query_timeout: ms } as pg.QueryConfig;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeouts.connectMs,
      query_timeout: timeouts.statementMs + 2_000,
      // A peer that vanished (host down, cable cut) is noticed by the OS, not only by the next query.
      keepAlive: true,
    });
    // A dropped connection must not crash the process: the next query reports the error.
    pool.on('error', () => {});
    releaseBrokenClients(pool);
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    transactionSettings.set(db, {
      statement_timeout: String(timeouts.statementMs),
      idle_in_transaction_session_timeout: String(timeouts.idleInTransactionMs),
    });
    const listeners = new Set<() => Promise<void>>();
    return {
      kind: 'postgres',
      db,
      ping: async () => {
        await withDeadline(pool.query(timedQuery('select 1', PING_TIMEOUT_MS)), PING_TIMEOUT_MS);
      },
      listen: async (channel, handlers) => {
        const url = options.listenUrl ?? (options.databaseUrl as string);
        const stop = await listenWithReconnect(url, channel, handlers, timeouts.connectMs);
        listeners.add(stop);
        return async () => {
          listeners.delete(stop);
          await stop();
        };
      },
      close: async () => {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
      },
    };
  }
  // Loaded only here: a process on PostgreSQL never needs the embedded database (~40 MB).
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const dataDir = options.dataDir ?? 'memory://';
  // 0700: the database's files hold password hashes and sessions (src/server/private-files.ts).
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Shared buffers of 16 MB instead of PostgreSQL's 128: the embedded database serves one
  // delegation (a few MB of data) and its pages stay in the OS cache anyway; the process
  // keeps ~130 MB less resident (import benchmark: 392 → 259 MB once open).
  const startParams = [
    ...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams,
    '-c',
    'shared_buffers=16MB',
  ];
  const client = await PGlite.create(dataDir, {
    startParams,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    // A long transaction holds the one connection: health says so within 2 s instead of waiting.
    ping: async () => {
      await withDeadline(client.query('select 1'), PING_TIMEOUT_MS);
    },
    // One process owns an embedded database: its own connection hears every change.
    listen: async (channel, handlers) => client.listen(channel, handlers.onNotify),
    close: () => client.close(),
  };
}

function destroyConnection(client: pg.Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/** A dedicated connection for LISTEN (a pooled one would lose it), reopened when it breaks. */
async function listenWithReconnect(
  url: string,
  channel: string,
  handlers: ListenHandlers,
  connectMs: number,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const lose = (lost: pg.Client) => {
    if (stopped || client !== lost) return;
    client = null;
    handlers.onLost();
    // Destroyed, not ended: a silent connection would never acknowledge the end.
    destroyConnection(lost);
    void lost.end().catch(() => {});
    reconnectSoon();
  };
  // A connection that stays open while the database is silent raises no error: ask it.
  const heartbeat = setInterval(() => {
    const current = client;
    current?.query(timedQuery('select 1', connectMs)).catch(() => lose(current));
  }, LISTEN_HEARTBEAT_MS);
  heartbeat.unref();
  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: connectMs,
      keepAlive: true,
    });
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? '');
    });
    next.on('error', () => lose(next));
    try {
      await next.connect();
      await next.query(timedQuery(`listen ${pg.escapeIdentifier(channel)}`, connectMs));
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    client = next;
  };
  const reconnectSoon = () => {
    retry = setTimeout(() => {
      if (stopped) return;
      connect().then(handlers.onRestored, reconnectSoon);
    }, 1000);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    const last = client;
    if (!last) return;
    // A silent database never acknowledges the end: wait for it a little, then cut.
    await withDeadline(last.end(), connectMs).catch(() => destroyConnection(last));
  };
}

export interface TenantContext {
  delegationId: string;
  /** The signed-in user, recorded by the audit trigger; null for public reads and system jobs. */
  userId: string | null;
}

/**
 * Runs `fn` in a transaction that is bound to one delegation and executes as the
 * `maillage_app` role, which row-level security cannot be bypassed by. Both settings
 * are transaction-local, so a pooled connection never carries them to another request.
 */
export function withTenant<T>(db: Db, context: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asAppRole(
    db,
    { 'app.delegation_id': context.delegationId, 'app.user_id': context.userId ?? '' },
    fn,
  );
}

/**
 * Runs `fn` for a member of the federation reading one delegation: a read-only
 * transaction as the app role with `app.federation_delegation_id` set (never
 * `app.delegation_id`). The `federation_read` policies then show that delegation's rows,
 * and only if the user is in `federation_members` (migrations/0027_federation_rls.sql);
 * no write policy matches, and the transaction refuses writes anyway (decision 020).
 */
export function withFederation<T>(
  db: Db,
  context: { userId: string; delegationId: string },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return asAppRole(
    db,
    { 'app.federation_delegation_id': context.delegationId, 'app.user_id': context.userId },
    fn,
    { readOnly: true },
  );
}

/**
 * Runs `fn` as the app role before any delegation is chosen. Row-level security then
 * shows only what the given credential designates (see the `own_roles` and
 * `invitation_by_token` policies): a user's own roles, the invitation of a token.
 */
export function withCredential<T>(
  db: Db,
  credential: { userId: string } | { invitationTokenHash: string } | { calendarTokenHash: string },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const settings: Record<string, string> =
    'userId' in credential
      ? { 'app.user_id': credential.userId }
      : 'invitationTokenHash' in credential
        ? { 'app.invitation_token_hash': credential.invitationTokenHash }
        : { 'app.calendar_token_hash': credential.calendarTokenHash };
  return asAppRole(db, settings, fn);
}

function asAppRole<T>(
  db: Db,
  settings: Record<string, string>,
  fn: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const all = { ...transactionSettings.get(db), ...settings };
  return db.transaction(async (tx) => {
    // First statement of the transaction, as PostgreSQL requires of an access mode.
    if (options.readOnly) await tx.execute(sql`set transaction read only`);
    const assignments = Object.entries(all).map(([key, value]) => sql`set_config(${key}, ${value}, true)`);
    await tx.execute(sql`select ${sql.join(assignments, sql`, `)}, set_config('role', 'maillage_app', true)`);
    return fn(tx as unknown as Tx);
  });
}

/**
 * Inside a transaction opened as the database owner (the only one that may create a
 * delegation), continues as the app role bound to that new delegation: what follows
 * (the first invitation, the first role) goes through row-level security and the audit
 * trigger like any other tenant write, and commits or rolls back with the delegation.
 */
export async function continueAsTenant(tx: Tx, context: TenantContext): Promise<void> {
  await tx.execute(
    sql`select set_config('app.delegation_id', ${context.delegationId}, true), set_config('app.user_id', ${context.userId ?? ''}, true), set_config('role', 'maillage_app', true)`,
  );
}

/** Rows of a raw SQL query, typed by the caller (both drivers answer with `rows`). */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
