// Helpers of faults.test.ts: a database the test and child processes share (a PGlite data
// directory or a PostgreSQL database), large import files, and child processes to kill.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { createAuth } from '../modules/accounts/auth.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { TEST_ORIGIN, type TestApp } from '../test/app.ts';
import { withDatabase } from '../test/global-setup.ts';
import { type Database, openDatabase, queryRows } from './client.ts';
import { migrate } from './migrate.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** One signing secret for every process of a test run: sessions survive a restart. */
const secret = randomBytes(32).toString('hex');

export interface SharedDatabase {
  /** Environment that points a Maillage process at this database. */
  env: Record<string, string>;
  /** Opens it in the test process (for PGlite, only while no child holds it). */
  open(): Promise<Database>;
  kind: 'pglite' | 'postgres';
  dir: string;
  drop(): Promise<void>;
}

export async function sharedDatabase(): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-faults-'));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `maillage_faults_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    const databaseUrl = withDatabase(url, name);
    return {
      kind: 'postgres',
      dir,
      env: { DATABASE_URL: databaseUrl, DATA_DIR: dir },
      open: () => openDatabase({ databaseUrl, poolSize: 2 }),
      async drop() {
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  // The layout of a real installation: DATA_DIR/pglite (src/server/runtime.ts).
  const open = async () => {
    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    await migrate(database);
    return database;
  };
  return { kind: 'pglite', dir, env: { DATA_DIR: dir }, open, drop: async () => {} };
}

/** `digits` followed by the check digit that makes the whole pass the Luhn test. */
function withLuhn(digits: string): string {
  for (let check = 0; check < 10; check++) {
    const candidate = `${digits}${check}`;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let d = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** A valid SIRET of its own company (SIREN) per seed: one organisation per row. */
const siret = (seed: number) => withLuhn(`${withLuhn(String(10_000_000 + seed).slice(-8))}0001`);

/** A member import file of `rows` establishments with valid, distinct SIRETs. */
export function importFile(dir: string, name: string, rows: number, offset: number): string {
  const lines = ['Nom;SIRET;Code postal;Commune;Type'];
  const types = ['AI', 'ACI', 'EI', 'ETTI'];
  for (let i = 0; i < rows; i++)
    lines.push(`Structure ${offset + i};${siret(offset + i)};31000;Toulouse;${types[i % types.length]}`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

export interface Child {
  process: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx <script> …args` with the database's environment. */
export function spawnNode(script: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    // BASE_URL is set by Vitest ('/') in the test process: a child needs a real one.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      AUTH_SECRET: secret,
      BASE_URL: 'http://127.0.0.1:3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output: () => output, exited };
}

export function cli(args: string[], env: Record<string, string>): Child {
  return spawnNode('src/cli/main.ts', args, env);
}

/**
 * The names and modification times of a PGlite data directory's write-ahead log files:
 * segments are preallocated (their size does not move), but each flush touches one.
 */
export function walSignature(dir: string): string {
  const wal = join(dir, 'pglite', 'pg_wal');
  return readdirSync(wal)
    .filter((name) => /^[0-9A-F]{24}$/.test(name))
    .map((name) => `${name}:${statSync(join(wal, name)).mtimeMs}`)
    .join(' ');
}

export async function registryCounts(database: Database, delegationId: string) {
  const [row] = await queryRows<{ organisations: number; establishments: number }>(
    database.db,
    sql`select (select count(*)::int from organisations where delegation_id = ${delegationId}) as organisations,
               (select count(*)::int from establishments where delegation_id = ${delegationId}) as establishments`,
  );
  return row ?? { organisations: -1, establishments: -1 };
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, stepMs = 25) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return false;
}

/** The app on a database, in this process, for setting up through the API (src/test/app.ts helpers). */
export async function appOn(database: Database): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent' });
  const auth = createAuth({ db: database.db, baseUrl: config.baseUrl, secret, sessionMaxAgeHours: 1 });
  const app = await buildApp({ config, database, auth, mailer: { send: async () => {} } }, { webDist: null });
  await app.ready();
  return {
    app,
    database,
    auth,
    sentMail: [],
    secondServer: () => Promise.reject(new Error('not available here')),
    close: () => app.close(),
  };
}

export interface Server {
  base: string;
  child: Child;
  stop(): Promise<void>;
}

/** src/server/main.ts in its own process, resolved once /api/health answers 200. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const child = spawnNode('src/server/main.ts', [], {
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
    BASE_URL: base,
  });
  const up = await until(
    async () =>
      child.process.exitCode === null &&
      (await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )),
    120_000,
    100,
  );
  if (!up) {
    child.process.kill('SIGKILL');
    throw new Error(`the server did not start:\n${child.output()}`);
  }
  return {
    base,
    child,
    async stop() {
      if (child.process.exitCode !== null || child.process.signalCode !== null) return;
      child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}
