/**
 * TRUST_PROXY: a number of proxy hops or the proxies' addresses, never `true` (which made
 * Fastify take the left-most X-Forwarded-For, written by the client, as its address: twelve
 * wrong passwords "from twelve addresses" were never throttled).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_PER_ADDRESS_PER_MINUTE as LIMIT } from '../modules/accounts/auth.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../test/app.ts';
import { ConfigError, loadConfig } from './config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('TRUST_PROXY in the configuration', () => {
  it('takes a number of hops, or a list of addresses and networks, and is off by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses `true` with a French and English message naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'TRUE' })).toThrow(
      /TRUST_PROXY.*n'est plus accepté.*TRUST_PROXY=1/s,
    );
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/"true" is refused/);
  });

  it('refuses what is neither a number of hops nor an address, naming the wrong entry', () => {
    for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', '10.0.0.1,proxy.example', 'fd00::/129', '11'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1,proxy.example' })).toThrow(/« proxy\.example »/);
  });

  it('stops the server at start with the configuration exit code (78)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, TRUST_PROXY: 'true', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/TRUST_PROXY/);
  });
});

describe('the client address behind a reverse proxy', () => {
  let oneHop: TestApp;
  let listed: TestApp;
  beforeAll(async () => {
    oneHop = await createTestApp({ env: { TRUST_PROXY: '1' } });
    listed = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1,10.9.0.0/16' } });
  });
  afterAll(async () => {
    await oneHop.close();
    await listed.close();
  });

  function wrongPassword(
    t: TestApp,
    i: number,
    headers: Record<string, string>,
    remoteAddress = '127.0.0.1',
  ) {
    // One e-mail per attempt: only the per-address limit can answer 429 here.
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN, ...headers },
      remoteAddress,
      payload: { email: `personne-${i}-${Math.random()}@example.org`, password: 'mauvais-mot-de-passe' },
    });
  }

  it('throttles wrong passwords whose left-most X-Forwarded-For is forged each time (TRUST_PROXY=1)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 7; i++) {
      // The client writes the first address; the proxy appends the one it saw.
      const response = await wrongPassword(oneHop, i, {
        'x-forwarded-for': `203.0.113.${i + 1}, 198.51.100.7`,
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe('auth.rate_limited');
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
    expect(statuses.slice(LIMIT)).toEqual(Array(7).fill(429));
    // Another client behind the same proxy is not held back by the first one.
    expect((await wrongPassword(oneHop, 99, { 'x-forwarded-for': '198.51.100.8' })).statusCode).toBe(401);
  });

  it('believes X-Forwarded-For only from the listed proxies (TRUST_PROXY=addresses)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      // From a listed proxy: the address it appended counts, whatever the client put before it.
      const response = await wrongPassword(
        listed,
        i,
        { 'x-forwarded-for': `203.0.113.${i + 1}, 198.51.100.20, 10.9.1.1` },
        '127.0.0.1',
      );
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
    expect(statuses.at(-1)).toBe(429);
    // A client reaching the server directly cannot pass for another address.
    const direct: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++)
      direct.push(
        (await wrongPassword(listed, i, { 'x-forwarded-for': `203.0.113.${i + 50}` }, '192.0.2.44'))
          .statusCode,
      );
    expect(direct.at(-1)).toBe(429);
  });
});
