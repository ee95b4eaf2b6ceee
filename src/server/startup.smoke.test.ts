import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo.ts';
import { testDatabaseName, withDatabase } from '../test/global-setup.ts';
import { type ServerProcess, startServerProcess } from '../test/server-process.ts';

// A production start on an empty database, the one the tier runs on (PGlite, or PostgreSQL
// with TEST_DATABASE_URL): every migration from the first, the first run, then a sign-in
// checked by scrypt.
// Only in the smoke tier (vitest.config.ts), which the Node 24 step of .ci/run runs on both
// databases: a start costs seconds of migrations and demo loading the other tiers need not pay.
const url = process.env.TEST_DATABASE_URL;

describe(`a production start on an empty ${url ? 'PostgreSQL' : 'embedded'} database`, () => {
  let dataDir: string;
  let server: ServerProcess;
  let database: string | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'maillage-start-'));
    const env: Record<string, string> = { DATA_DIR: dataDir, AUTH_SECRET: 'b'.repeat(40) };
    if (url) {
      database = testDatabaseName(inject('postgresTemplate'));
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${database}`);
      await admin.end();
      env.DATABASE_URL = withDatabase(url, database);
    }
    // A first start migrates every migration: seconds on an idle machine.
    server = await startServerProcess(env, undefined, 170_000);
  }, 175_000);

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (database) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });

  it('answers its health check and serves the API description', async () => {
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
    const openapi = await fetch(`${server.base}/api/docs/json`);
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { paths: object }).paths).toHaveProperty(['/api/me']);
  });

  // Production never loads the demo (decision 016): an empty database opens the first run.
  // Its administrator then signs in, the password checked by scrypt.
  it('opens the first run instead of loading the demo; its administrator signs in', async () => {
    const setup = await fetch(`${server.base}/api/setup`);
    expect(await setup.json()).toEqual({ needed: true });
    const staff = DEMO_ACCOUNTS.find((a) => a.role === 'staff');
    const demo = await fetch(`${server.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ email: staff?.email, password: DEMO_PASSWORD }),
    });
    expect(demo.status, 'no demo account in production').toBe(401);
    // The health check answers before the code is written: wait for it a little.
    let code: string | undefined;
    for (let i = 0; i < 100 && !code; i++) {
      code = /code d'installation : ([A-Z0-9-]{14})/.exec(server.stderr())?.[1];
      if (!code) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(code, server.stderr()).toBeDefined();
    const created = await fetch(`${server.base}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({
        code,
        name: 'Délégation de démarrage',
        slug: 'demarrage',
        departments: ['31'],
        adminName: 'Anne Admin',
        adminEmail: 'anne@example.org',
        password: 'un-mot-de-passe-solide',
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const response = await fetch(`${server.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ email: 'anne@example.org', password: 'un-mot-de-passe-solide' }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await fetch(`${server.base}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });
});
