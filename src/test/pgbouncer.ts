import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// Debian installs it outside a user's PATH.
export const PGBOUNCER =
  process.env.PGBOUNCER_PATH ?? (existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : 'pgbouncer');

export interface Pgbouncer {
  port: number;
  pid: number;
  /** `url` (a direct PostgreSQL URL) rewritten to go through this pooler. */
  through(url: string): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts pgbouncer in transaction mode in front of the PostgreSQL of `directUrl`, on a free
 * port with a generated configuration in a temporary directory (trust authentication: tests
 * and benchmarks on 127.0.0.1 only). pgbouncer refuses to run as root: it then drops to the
 * `postgres` (or `nobody`) user, which only needs to read the files.
 */
export async function startPgbouncer(directUrl: string, options: { poolSize?: number } = {}) {
  const target = new URL(directUrl);
  const user = decodeURIComponent(target.username || 'postgres');
  const dir = await mkdtemp(join(tmpdir(), 'maillage-pgbouncer-'));
  const port = await freePort();
  const ini = join(dir, 'pgbouncer.ini');
  const users = join(dir, 'users.txt');
  await writeFile(
    ini,
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${users}`,
      'pool_mode = transaction',
      `admin_users = ${user}`,
      'max_client_conn = 1000',
      `default_pool_size = ${options.poolSize ?? 20}`,
      // node-postgres sends none of these, psql and others may.
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
  );
  await writeFile(users, `"${user}" ""\n`);
  await Promise.all([chmod(dir, 0o755), chmod(ini, 0o644), chmod(users, 0o644)]);
  const args = process.getuid?.() === 0 ? ['-u', systemUser(), ini] : [ini];
  const child = spawn(PGBOUNCER, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const through = (url: string) => {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(port);
    return parsed.toString();
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPooler(through(directUrl), child);
  } catch (error) {
    await stop();
    throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${log}`);
  }
  return { port, pid: child.pid ?? 0, through, stop } satisfies Pgbouncer;
}

function systemUser(): string {
  for (const name of ['postgres', 'nobody']) {
    try {
      execFileSync('id', ['-u', name], { stdio: 'ignore' });
      return name;
    } catch {}
  }
  throw new Error('pgbouncer cannot run as root and neither postgres nor nobody exists');
}

async function waitForPooler(url: string, child: ChildProcess) {
  const deadline = Date.now() + 10_000;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw last instanceof Error ? last : new Error('timeout');
}
