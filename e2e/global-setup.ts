import type { TestProject } from 'vitest/node';
import { startServer } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eServer: { baseUrl: string; port: number; dataDir: string };
  }
}

/**
 * One server and one database for the whole browser tier: a start migrates the embedded
 * database and loads the demo (tens of seconds), which every spec paid before. Each spec
 * works with accounts of its own (fixtures.ts: SPEC_STAFF, SPEC_MEMBER) from a client
 * address of its own, so that sign-in throttling and sessions stay apart. The server
 * trusts X-Forwarded-For for that (TRUST_PROXY, as behind the reverse proxy of a deployment).
 */
export default async function setup(project: TestProject) {
  const server = await startServer({ timeoutMs: 170_000, env: { TRUST_PROXY: '1' } });
  project.provide('e2eServer', { baseUrl: server.baseUrl, port: server.port, dataDir: server.dataDir });
  return async () => {
    const { stderr } = server.output();
    if (stderr.trim())
      process.stderr.write(`\n--- the browser tier's server wrote on stderr ---\n${stderr.slice(-8_000)}\n`);
    await server.stop();
  };
}
