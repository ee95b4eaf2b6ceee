import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase, withTenant } from '../db/client.ts';
import { createUserWithPassword, grantRole } from '../modules/accounts/accounts.service.ts';
import { createAuth } from '../modules/accounts/auth.ts';
import { createDelegation, TEST_PASSWORD } from '../test/app.ts';
import { testDatabaseName, withDatabase } from '../test/global-setup.ts';
import { type Pgbouncer, startPgbouncer } from '../test/pgbouncer.ts';
import { type ServerProcess, startServerProcess } from '../test/server-process.ts';

// Two real server processes on one PostgreSQL, their queries through pgbouncer in
// transaction mode and their LISTEN connections direct, as docs/deployment.md describes.
// PostgreSQL only: PGlite is one process's database.
const url = process.env.TEST_DATABASE_URL;
// Behind a load balancer both servers answer for the same public address.
const ORIGIN = 'http://maillage.localhost';

let name: string;
let owner: Database;
let pooler: Pgbouncer;
let dataDir: string;
let one: ServerProcess;
let two: ServerProcess;
let slug: string;
let staffEmail: string;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 2000) {
  const started = Date.now();
  let value = await read();
  while (!done(value) && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 10));
    value = await read();
  }
  return { value, ms: Date.now() - started };
}

async function signIn(server: ServerProcess, email: string): Promise<string> {
  const response = await fetch(`${server.base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const me = async (server: ServerProcess, cookie: string) =>
  (await fetch(`${server.base}/api/me`, { headers: { cookie } })).status;

const memberTotal = async (server: ServerProcess) => {
  const response = await fetch(`${server.base}/api/public/stats/members?year=2026&delegation=${slug}`);
  return ((await response.json()) as { total: number }).total;
};

async function createMember(server: ServerProcess, cookie: string, memberName: string) {
  const response = await fetch(`${server.base}/api/members/organisations`, {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: memberName,
      establishment: { postcode: '31000', city: 'TOULOUSE' },
      conventionTypes: ['ACI'],
      joinedOn: '2026-01-05',
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

describe.skipIf(!url)('two app servers behind pgbouncer (transaction mode)', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    name = testDatabaseName(inject('postgresTemplate'));
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    const direct = withDatabase(url as string, name);
    owner = await openDatabase({ databaseUrl: direct, poolSize: 2 });
    const secret = randomBytes(32).toString('hex');
    const auth = createAuth({ db: owner.db, baseUrl: ORIGIN, secret, sessionMaxAgeHours: 1 });
    const delegation = await createDelegation(owner);
    slug = delegation.slug;
    staffEmail = `staff-${randomBytes(4).toString('hex')}@example.org`;
    const userId = await createUserWithPassword(auth, {
      email: staffEmail,
      name: 'Équipe',
      password: TEST_PASSWORD,
    });
    await withTenant(owner.db, { delegationId: delegation.id, userId: null }, (tx) =>
      grantRole(tx, { userId, role: 'staff', organisationId: null }),
    );
    pooler = await startPgbouncer(direct);
    dataDir = await mkdtemp(join(tmpdir(), 'maillage-multi-'));
    const env = {
      DATABASE_URL: pooler.through(direct),
      DATABASE_LISTEN_URL: direct,
      AUTH_SECRET: secret,
      BASE_URL: ORIGIN,
      DATA_DIR: dataDir,
    };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await pooler?.stop();
    await owner?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (name) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('sends both servers’ queries through the pooler', async () => {
    const console = new pg.Client({
      connectionString: withDatabase(pooler.through(url as string), 'pgbouncer'),
    });
    await console.connect();
    try {
      const { rows } = await console.query<{ database: string }>('show clients');
      expect(rows.filter((row) => row.database === name).length).toBeGreaterThanOrEqual(2);
    } finally {
      await console.end();
    }
  });

  it('honours on one server a session opened on the other', async () => {
    const cookie = await signIn(one, staffEmail);
    expect(await me(two, cookie)).toBe(200);
    expect(await me(one, cookie)).toBe(200);
  });

  it('shows through each server a change made through the other, at once', async () => {
    const cookie = await signIn(one, staffEmail);
    const before = await memberTotal(two);
    // Read twice: the second answer comes from server two's memory.
    expect(await memberTotal(two)).toBe(before);
    await createMember(one, cookie, 'RESSOURCERIE PAR LE SERVEUR UN');
    const seen = await waitFor(
      () => memberTotal(two),
      (total) => total === before + 1,
    );
    expect(seen.value).toBe(before + 1);
    expect(seen.ms).toBeLessThan(1000);

    expect(await memberTotal(one)).toBe(before + 1);
    await createMember(two, cookie, 'RESSOURCERIE PAR LE SERVEUR DEUX');
    const back = await waitFor(
      () => memberTotal(one),
      (total) => total === before + 2,
    );
    expect(back.value).toBe(before + 2);
    expect(back.ms).toBeLessThan(1000);
  });

  it('refuses on one server a session signed out on the other', async () => {
    const cookie = await signIn(two, staffEmail);
    // Server one has seen (and remembers) the session before server two ends it.
    expect(await me(one, cookie)).toBe(200);
    const out = await fetch(`${two.base}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const refused = await waitFor(
      () => me(one, cookie),
      (status) => status === 401,
    );
    expect(refused.value).toBe(401);
    expect(refused.ms).toBeLessThan(1000);
  });
});
