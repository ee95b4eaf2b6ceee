import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './pgbouncer.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  base: string;
  port: number;
  child: ChildProcess;
  /** What the process printed on stderr lately (start-up failures). */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * A real Maillage server in its own process (src/server/main.ts through tsx, not
 * bin/start.mjs: no web build), resolved once /api/health answers 200.
 */
export async function startServerProcess(
  env: Record<string, string>,
  port?: number,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  const base = `http://127.0.0.1:${chosen}`;
  // SERVER_NODE_ARGS: extra Node flags for the server processes, e.g. `--cpu-prof` to
  // profile them under a benchmark (Node refuses profiling flags in NODE_OPTIONS).
  const extra = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      BASE_URL: base,
      LOG_LEVEL: 'silent',
      ...env,
      PORT: String(chosen),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return { base, port: chosen, child, stderr: () => errors, stop };
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`the server on port ${chosen} did not start:\n${errors}`);
}
