import { randomBytes } from 'node:crypto';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { createAuth } from '../modules/accounts/auth.ts';
import {
  createDelegation,
  createTestApp,
  request,
  signedInAs,
  TEST_ORIGIN,
  type TestApp,
} from '../test/app.ts';
import { withDatabase } from '../test/global-setup.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

const url = process.env.TEST_DATABASE_URL;

/**
 * A TCP relay between the app and PostgreSQL that the test can cut and restore, or make
 * silent: connections stay open but nothing goes through (a hung database, a network that
 * drops packets), the way a reset never shows it.
 */
function tcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  /** Relays that go silent when stalled: what each side sends is read and thrown away. */
  const relays = new Set<{ client: Socket; upstream: Socket | null }>();
  let server: Server | null = null;
  let port = 0;
  let stalled = false;
  const silence = (relay: { client: Socket; upstream: Socket | null }) => {
    relay.client.unpipe();
    relay.upstream?.unpipe();
    relay.client.on('data', () => {});
    relay.upstream?.on('data', () => {});
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        sockets.add(client);
        client.on('error', () => client.destroy());
        if (stalled) {
          // Accepted, never forwarded.
          silence({ client, upstream: null });
          return;
        }
        const upstream = connect(target.port, target.host);
        sockets.add(upstream);
        const relay = { client, upstream };
        relays.add(relay);
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
          relays.delete(relay);
        };
        for (const s of [client, upstream]) s.on('error', end).on('close', end);
        client.pipe(upstream).pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });
  return {
    listen,
    get port() {
      return port;
    },
    /** Stops accepting and breaks every open connection, as a stopped database would. */
    async cut() {
      const closing = new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closing;
      server = null;
    },
    /** Every open connection and every new one stays open and silent. */
    stall() {
      stalled = true;
      for (const relay of relays) silence(relay);
      relays.clear();
    },
    /**
     * The database answers again on new connections; the ones open during the stall stay
     * silent for good (what a restarted database behind a stateful firewall looks like).
     */
    resume() {
      stalled = false;
    },
  };
}

/**
 * An app on a PostgreSQL database of its own, copied from the template and reached through
 * a tcpProxy: declares the hooks that create and open it, and close and drop it after.
 */
function appBehindProxy(prefix: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const direct = new URL(url ?? 'postgres://localhost');
  const handle = {
    proxy: tcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) }),
    t: undefined as unknown as TestApp,
    database: undefined as unknown as Database,
    /** A staff member of a new delegation, and the two requests the tests watch. */
    async staffRequests() {
      const delegation = await createDelegation(handle.database);
      const staff = await signedInAs(handle.t, { delegationId: delegation.id, role: 'staff' });
      return {
        staff,
        list: () => request(handle.t, staff.cookie, 'GET', '/api/members/organisations'),
        health: () => handle.t.app.inject({ method: 'GET', url: '/api/health' }),
      };
    },
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    await handle.proxy.listen();
    const proxied = new URL(withDatabase(url as string, name));
    proxied.hostname = '127.0.0.1';
    proxied.port = String(handle.proxy.port);
    const database = await openDatabase({
      databaseUrl: proxied.toString(),
      poolSize: 4,
      // Short, so that the test waits little; production's are in DEFAULT_TIMEOUTS.
      timeouts: { connectMs: 500, statementMs: 1_000, idleInTransactionMs: 5_000 },
    });
    handle.database = database;
    const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent' });
    const secret = randomBytes(32).toString('hex');
    const auth = createAuth({ db: database.db, baseUrl: config.baseUrl, secret, sessionMaxAgeHours: 1 });
    const app = await buildApp(
      { config, database, auth, mailer: { send: async () => {} } },
      { webDist: null },
    );
    await app.ready();
    handle.t = {
      app,
      database,
      auth,
      sentMail: [],
      secondServer: () => Promise.reject(new Error('unused')),
      close: app.close,
    };
  });
  afterAll(async () => {
    await handle.t?.app.close();
    await handle.database?.close();
    await handle.proxy.cut();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return handle;
}

describe.runIf(url)('PostgreSQL going away and coming back', () => {
  const outage = appBehindProxy('maillage_outage');

  it('answers 503 with a coded French error while it is away, and recovers by itself', async () => {
    const { t, database, proxy } = outage;
    const { staff, list, health } = await outage.staffRequests();
    expect((await list()).statusCode).toBe(200);
    expect((await health()).json()).toEqual({ status: 'ok', database: 'postgres' });

    // Better Auth logs each failed session lookup with console.error (which fails a test,
    // see src/test/setup.ts): those lines are expected here, anything else is not.
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    await proxy.cut();
    for (const answer of [
      await list(),
      await list(),
      await request(t, null, 'GET', '/api/members/organisations'),
    ]) {
      // Anonymous callers are refused before any query; signed-in ones meet the outage.
      if (answer.statusCode === 401) continue;
      expect(answer.statusCode, answer.body).toBe(503);
      expect(answer.json().error).toEqual({
        code: 'database.unavailable',
        message: 'La base de données est momentanément indisponible. Réessayez dans un instant.',
      });
    }
    const down = await health();
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({
      status: 'unavailable',
      database: 'postgres',
      error: { code: 'database.unavailable' },
    });
    const write = await request(t, staff.cookie, 'POST', '/api/members/organisations', {
      name: 'Pendant la panne',
    });
    expect(write.statusCode).toBe(503);

    await proxy.listen();
    const cutAt = Date.now();
    let recovered = 0;
    while (Date.now() - cutAt < 5_000) {
      if ((await list()).statusCode === 200 && (await health()).statusCode === 200) {
        recovered = Date.now() - cutAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    console.error = consoleError;
    expect(recovered, 'recovered within 5 s').toBeGreaterThan(0);
    for (const args of logged) expect(String(args[0])).toContain('[Better Auth]');
    expect((await health()).json()).toEqual({ status: 'ok', database: 'postgres' });
    // No connection was lost to the outage: every pooled client is back, none checked out.
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});

describe.runIf(url)('PostgreSQL going silent and answering again', () => {
  const outage = appBehindProxy('maillage_stall');

  it('answers health 503 within 2 s and requests 503 instead of hanging, then recovers by itself', async () => {
    const { t, database, proxy } = outage;
    const { staff, list, health } = await outage.staffRequests();
    const timed = async <T>(call: () => Promise<T>) => {
      const started = Date.now();
      const answer = await call();
      return { answer, ms: Date.now() - started };
    };
    // Every pooled connection open before the stall, so that each one meets it.
    const warm = await Promise.all([list(), list(), list(), list()]);
    for (const answer of warm) expect(answer.statusCode).toBe(200);

    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      proxy.stall();
      const down = await timed(health);
      expect(down.answer.statusCode).toBe(503);
      expect(down.answer.json().error.code).toBe('database.unavailable');
      expect(down.ms, 'health answers within 2 s').toBeLessThan(2_000);

      // Requests on connections that went silent, and on the new ones that never answer:
      // each is given up (statement 1 s + 2 s, connection 0.5 s), none hangs.
      const requests = await timed(() =>
        Promise.all([
          list(),
          list(),
          list(),
          list(),
          list(),
          list(),
          request(t, staff.cookie, 'POST', '/api/members/organisations', { name: 'Pendant le silence' }),
        ]),
      );
      for (const answer of requests.answer) {
        expect(answer.statusCode, answer.body).toBe(503);
        expect(answer.json().error.code).toBe('database.unavailable');
      }
      expect(requests.ms).toBeLessThan(8_000);
      const stillDown = await timed(health);
      expect(stillDown.answer.statusCode).toBe(503);
      expect(stillDown.ms).toBeLessThan(2_000);

      proxy.resume();
      const resumedAt = Date.now();
      let recovered = 0;
      while (Date.now() - resumedAt < 10_000) {
        if ((await list()).statusCode === 200 && (await health()).statusCode === 200) {
          recovered = Date.now() - resumedAt;
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(recovered, 'recovered within 10 s').toBeGreaterThan(0);
    } finally {
      console.error = consoleError;
    }
    for (const args of logged) expect(String(args[0])).toContain('[Better Auth]');
    // Every request gets through again, on fresh connections: the silent ones were thrown away.
    const after = await Promise.all([list(), list(), list(), list(), list(), list()]);
    for (const answer of after) expect(answer.statusCode).toBe(200);
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  }, 60_000);
});

describe.runIf(!url)('embedded database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('keeps /api/health ok: the database is in the process', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });
});
