// Public directory search under load: autocannon, 32 connections, 20 s, on 127.0.0.1,
// against Maillage (embedded PGlite, demo data) and, as the baseline of the same run, a
// bare Fastify route answering the same 20 items from memory.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

export interface DirectoryFigures {
  path: string;
  items: number;
  maillage: { rps: number; p99: number; errors: number };
  baseline: { rps: number; p99: number; errors: number };
}

async function load(url: string, seconds: number) {
  const result = await autocannon({ url, connections: 32, duration: seconds });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** `baseUrl` is a running Maillage with the demo data; `path` a search with a filter. */
export async function benchDirectory(baseUrl: string, path: string, seconds = 20): Promise<DirectoryFigures> {
  const answer = (await (await fetch(`${baseUrl}${path}`)).json()) as { items: unknown[] };
  const maillage = await load(`${baseUrl}${path}`, seconds);
  // The baseline runs in its own process, like the server, so the load generator does not share its CPU time.
  const body = JSON.stringify(answer);
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Fastify from 'fastify'; const app = Fastify(); const body = process.env.BODY;
       app.get('/*', async (_q, r) => r.type('application/json').send(body));
       await app.listen({ port: 0, host: '127.0.0.1' }); console.log(app.server.address().port);`,
    ],
    {
      env: { ...process.env, BODY: body },
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: new URL('..', import.meta.url).pathname,
    },
  );
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  try {
    const baseline = await load(`http://127.0.0.1:${port}${path}`, seconds);
    return { path, items: answer.items.length, maillage, baseline };
  } finally {
    child.kill('SIGTERM');
  }
}
