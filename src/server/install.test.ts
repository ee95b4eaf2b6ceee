import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BRETAGNE, bretagneCreateArgs } from '../test/bretagne.ts';
import { testDatabaseName, withDatabase } from '../test/global-setup.ts';
import { type ServerProcess, startServerProcess } from '../test/server-process.ts';

// A real installation, as the README's "Installer Maillage pour votre délégation" tells it:
// an empty PostgreSQL database, NODE_ENV=production, the `maillage` command and the server
// in their own processes. PostgreSQL only: that is what a real installation runs on.
const url = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const databases: string[] = [];
const dataDirs: string[] = [];
const servers: ServerProcess[] = [];

/** A brand-new, empty database (not the migrated template): the installation migrates it. */
async function emptyDatabase(): Promise<string> {
  const name = testDatabaseName(inject('postgresTemplate'));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databases.push(name);
  return withDatabase(url as string, name);
}

async function installation() {
  const dataDir = await mkdtemp(join(tmpdir(), 'maillage-install-'));
  dataDirs.push(dataDir);
  return {
    NODE_ENV: 'production',
    DATABASE_URL: await emptyDatabase(),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    BASE_URL: 'http://maillage.localhost',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  };
}

async function maillage(env: Record<string, string>, ...argv: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/maillage.mjs', ...argv], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function call(server: ServerProcess, method: string, path: string, body?: object, cookie?: string) {
  return fetch(`${server.base}${path}`, {
    method,
    headers: {
      origin: 'http://maillage.localhost',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function signIn(server: ServerProcess, email: string, password: string) {
  const response = await call(server, 'POST', '/api/auth/sign-in/email', { email, password });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe.skipIf(!url)('installing Maillage for a delegation (PostgreSQL, production mode)', () => {
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('migrate, delegation create, the invitation accepted: the administrator signs in to an empty delegation', {
    timeout: 120_000,
  }, async () => {
    const env = await installation();
    const migrated = await maillage(env, 'migrate');
    expect(migrated.stderr).toBe('');
    expect(migrated.stdout).toContain('Migrations appliquées (postgres)');
    const created = await maillage(env, 'delegation', ...bretagneCreateArgs(), '--json');
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout);
    expect(body.delegation).toMatchObject({ slug: 'bretagne', name: 'Coorace Bretagne' });

    const server = await startServerProcess(env);
    servers.push(server);
    const token = String(body.invitationUrl).split('/invitation/')[1];
    const accepted = await call(server, 'POST', `/api/invitations/${token}/accept`, {
      name: 'Anne Admin',
      password: 'un-mot-de-passe-solide',
    });
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    const cookie = await signIn(server, 'anne@example.org', 'un-mot-de-passe-solide');
    const me = await (await call(server, 'GET', '/api/me', undefined, cookie)).json();
    expect(me).toMatchObject({ role: 'admin', delegation: { slug: 'bretagne', name: 'Coorace Bretagne' } });
    const page = await (await call(server, 'GET', '/api/public/organisation?delegation=bretagne')).json();
    expect(page).toMatchObject({
      delegation: { name: 'Coorace Bretagne', region: 'Bretagne', missions: [], objectives: [] },
      board: [],
      staff: [],
    });
    const directory = await (await call(server, 'GET', '/api/public/structures?delegation=bretagne')).json();
    expect(directory.total).toBe(0);
  });

  it('the first run on an empty database: the code from the log, then a signed-in administrator; no second first run', {
    timeout: 120_000,
  }, async () => {
    const env = await installation();
    const server = await startServerProcess(env);
    servers.push(server);
    expect(await (await call(server, 'GET', '/api/setup')).json()).toEqual({ needed: true });
    // The health check answers before the banner is written: wait for it a little.
    let code: string | undefined;
    for (let i = 0; i < 100 && !code; i++) {
      code = /code d'installation : ([A-Z0-9-]{14})/.exec(server.stderr())?.[1];
      if (!code) await new Promise((r) => setTimeout(r, 50));
    }
    expect(code, server.stderr()).toBeDefined();
    const form = BRETAGNE;
    const wrong = await call(server, 'POST', '/api/setup', { ...form, code: 'AAAA-BBBB-CCCC' });
    expect(wrong.status).toBe(403);
    const done = await call(server, 'POST', '/api/setup', { ...form, code });
    expect(done.status, await done.clone().text()).toBe(201);
    const cookie = await signIn(server, 'anne@example.org', 'un-mot-de-passe-solide');
    const me = await (await call(server, 'GET', '/api/me', undefined, cookie)).json();
    expect(me).toMatchObject({ role: 'admin', delegation: { slug: 'bretagne' } });
    const members = await (await call(server, 'GET', '/api/members/organisations', undefined, cookie)).json();
    expect(members.items).toEqual([]);

    const again = await call(server, 'POST', '/api/setup', { ...form, slug: 'autre', code });
    expect(again.status).toBe(409);
    // Restarted, the server has no code any more: a delegation exists.
    await server.stop();
    const restarted = await startServerProcess(env);
    servers.push(restarted);
    expect(await (await call(restarted, 'GET', '/api/setup')).json()).toEqual({ needed: false });
    await new Promise((r) => setTimeout(r, 200));
    expect(restarted.stderr()).not.toContain("code d'installation");
  });
});
