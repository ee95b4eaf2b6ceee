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
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A dropped connection must not crash the process: the next query reports the error.
    pool.on('error', () => {});
    releaseBrokenClients(pool);
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    const listeners = new Set<() => Promise<void>>();
    return {
      kind: 'postgres',
      db,
      ping: async () => {
        await pool.query('select 1');
      },
      listen: async (channel, handlers) => {
        const url = options.listenUrl ?? (options.databaseUrl as string);
        const stop = await listenWithReconnect(url, channel, handlers);
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
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
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
    ping: async () => {
      await client.query('select 1');
    },
    // One process owns an embedded database: its own connection hears every change.
    listen: async (channel, handlers) => client.listen(channel, handlers.onNotify),
    close: () => client.close(),
  };
}

/** A dedicated connection for LISTEN (a pooled one would lose it), reopened when it breaks. */
async function listenWithReconnect(
  url: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? '');
    });
    next.on('error', () => {
      if (stopped || client !== next) return;
      client = null;
      handlers.onLost();
      void next.end().catch(() => {});
      reconnectSoon();
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
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
    await client?.end().catch(() => {});
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

function asAppRole<T>(db: Db, settings: Record<string, string>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const assignments = Object.entries(settings).map(
      ([key, value]) => sql`set_config(${key}, ${value}, true)`,
    );
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
