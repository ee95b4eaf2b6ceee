/**
 * Security headers on pages and API answers, and the session cookie's attributes:
 * HttpOnly, SameSite, and Secure whenever the browser reached us over TLS (BASE_URL in
 * https, or a trusted TLS proxy saying so in X-Forwarded-Proto).
 */
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, signedInAs, TEST_PASSWORD, type TestApp } from '../test/app.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

let t: TestApp;
let webDist: string;
let withPages: Awaited<ReturnType<typeof buildApp>>;
let staffCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  staffCookie = (
    await signedInAs(t, { delegationId: (await createDelegation(t.database)).id, role: 'staff' })
  ).cookie;
  webDist = mkdtempSync(join(tmpdir(), 'maillage-web-'));
  writeFileSync(
    join(webDist, 'index.html'),
    '<!doctype html><div id="root"></div><script src="/a.js"></script>',
  );
  writeFileSync(join(webDist, 'a.js'), 'void 0;');
  // The same app serving a built web app: its pages must carry the same headers.
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: 'http://localhost:3000', LOG_LEVEL: 'silent' });
  withPages = await buildApp(
    { config, database: t.database, auth: t.auth, mailer: { send: async () => {} } },
    { webDist },
  );
  await withPages.ready();
});
afterAll(async () => {
  await withPages?.close();
  await t?.close();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

function directives(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectSafeHeaders(response: LightMyRequestResponse, what: string) {
  const csp = directives(response);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts, what).toBeDefined();
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(scripts, what).not.toContain('*');
  const ancestors = csp.get('frame-ancestors');
  const frameOption = String(response.headers['x-frame-options'] ?? '').toUpperCase();
  expect(
    (ancestors && ["'none'", "'self'"].includes(ancestors.join(' '))) ||
      ['DENY', 'SAMEORIGIN'].includes(frameOption),
    what,
  ).toBe(true);
  expect(ancestors, what).toBeDefined();
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['referrer-policy'], what).toMatch(
    /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/,
  );
}

describe('security headers', () => {
  it('are on the pages of the web app, known or routed on the client', async () => {
    for (const url of ['/', '/adherents/une-page', '/a.js']) {
      const response = await withPages.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expectSafeHeaders(response, url);
    }
    const page = await withPages.inject({ method: 'GET', url: '/agenda' });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('are on API answers: public, signed in, refused, unknown, malformed', async () => {
    const answers = [
      ['/api/health', null],
      ['/api/me', staffCookie],
      ['/api/me', null],
      ['/api/nexiste-pas', null],
      ['/api/members/organisations?limit=abc', staffCookie],
    ] as const;
    for (const [url, cookie] of answers) {
      const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      expectSafeHeaders(response, `${url} ${response.statusCode}`);
    }
  });

  it('keeps scripts without unsafe-inline on the API documentation page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expectSafeHeaders(response, 'API docs');
  });
});

/** Signs in on `app` and returns the Set-Cookie lines. */
async function signInCookies(app: TestApp, headers: Record<string, string>) {
  const delegation = await createDelegation(app.database);
  const { email } = await signedInAs(app, { delegationId: delegation.id, role: 'staff' });
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    remoteAddress: `10.9.${randomInt(256)}.${randomInt(1, 255)}`,
    headers,
    payload: { email, password: TEST_PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const setCookie = response.headers['set-cookie'];
  const lines = Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  expect(lines.some((l) => /session_token=/.test(l))).toBe(true);
  return lines;
}

const attributes = (line: string) =>
  line
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Lax; not Secure on plain http (a local install)', async () => {
    for (const line of await signInCookies(t, { origin: 'http://localhost:3000' })) {
      expect(attributes(line), line).toContain('httponly');
      expect(
        attributes(line).some((a) => a === 'samesite=lax' || a === 'samesite=strict'),
        line,
      ).toBe(true);
      expect(attributes(line), line).not.toContain('secure');
    }
  });

  it('are Secure, __Secure- prefixed, HttpOnly and SameSite when BASE_URL is https', async () => {
    const tls = await createTestApp({ env: { BASE_URL: 'https://maillage.example.org' } });
    try {
      for (const line of await signInCookies(tls, { origin: 'https://maillage.example.org' })) {
        expect(line.startsWith('__Secure-'), line).toBe(true);
        expect(attributes(line)).toEqual(expect.arrayContaining(['secure', 'httponly']));
        expect(
          attributes(line).some((a) => a === 'samesite=lax' || a === 'samesite=strict'),
          line,
        ).toBe(true);
      }
    } finally {
      await tls.close();
    }
  });

  it('are Secure behind a trusted TLS proxy (X-Forwarded-Proto: https), and only then', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      const origin = { origin: 'http://localhost:3000' };
      for (const line of await signInCookies(proxied, { ...origin, 'x-forwarded-proto': 'https' })) {
        expect(attributes(line), line).toEqual(expect.arrayContaining(['secure', 'httponly']));
      }
      for (const line of await signInCookies(proxied, origin))
        expect(attributes(line), line).not.toContain('secure');
    } finally {
      await proxied.close();
    }
    // An untrusted client cannot turn the attribute on or off by sending the header itself.
    for (const line of await signInCookies(t, {
      origin: 'http://localhost:3000',
      'x-forwarded-proto': 'https',
    }))
      expect(attributes(line), line).not.toContain('secure');
  });
});
