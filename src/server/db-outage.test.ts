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

/** A TCP relay between the app and PostgreSQL that the test can cut and restore. */
function tcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client).add(upstream);
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
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
  };
}

describe.runIf(url)('PostgreSQL going away and coming back', () => {
  const name = `maillage_outage_${randomBytes(6).toString('hex')}`;
  const direct = new URL(url ?? 'postgres://localhost');
  const proxy = tcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    await proxy.listen();
    const proxied = new URL(withDatabase(url as string, name));
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    database = await openDatabase({ databaseUrl: proxied.toString(), poolSize: 4 });
    const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent' });
    const secret = randomBytes(32).toString('hex');
    const auth = createAuth({ db: database.db, baseUrl: config.baseUrl, secret, sessionMaxAgeHours: 1 });
    const app = await buildApp(
      { config, database, auth, mailer: { send: async () => {} } },
      { webDist: null },
    );
    await app.ready();
    t = {
      app,
      database,
      auth,
      sentMail: [],
      secondServer: () => Promise.reject(new Error('unused')),
      close: app.close,
    };
  });
  afterAll(async () => {
    await t?.app.close();
    await database?.close();
    await proxy.cut();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('answers 503 with a coded French error while it is away, and recovers by itself', async () => {
    const delegation = await createDelegation(database);
    const staff = await signedInAs(t, { delegationId: delegation.id, role: 'staff' });
    const list = () => request(t, staff.cookie, 'GET', '/api/members/organisations');
    const health = () => t.app.inject({ method: 'GET', url: '/api/health' });
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
