import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '../test/app.ts';
import { routeWorld } from '../test/route-world.ts';
import { installAccessControl, PUBLIC } from './access.ts';
import { ConfigError, loadConfig } from './config.ts';

const w = routeWorld();

describe('health and documentation', () => {
  it('answers /api/health with the database kind', async () => {
    const response = await w.t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: w.t.database.kind });
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('serves the OpenAPI document', async () => {
    const response = await w.t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().paths['/api/health']).toBeDefined();
  });

  it('sends security headers', async () => {
    const response = await w.t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // Error answers carry them too.
    const missing = await w.t.app.inject({ method: 'GET', url: '/api/nexiste-pas' });
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('access declarations', () => {
  it('gives every API route a declared policy', () => {
    const api = w.t.app.routesTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    for (const route of api) expect(route, `${route.method} ${route.url}`).toHaveProperty('access');
  });

  it('refuses to register a route that declares no policy', async () => {
    const bare = Fastify();
    installAccessControl(bare, []);
    expect(() => bare.get('/api/oubliee', async () => ({}))).toThrow(/declares no access policy/);
    expect(() => bare.get('/api/declaree', { config: { access: PUBLIC } }, async () => ({}))).not.toThrow();
    await bare.close();
  });

  it('asks anonymous callers to sign in on every non-public route', async () => {
    for (const route of w.t.app.routesTable) {
      if (route.access.kind === 'public' || !route.url.startsWith('/api/')) continue;
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await w.t.app.inject({
        method: route.method as 'GET',
        url,
        headers: { origin: TEST_ORIGIN },
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

describe('bad input', () => {
  it('answers unknown API routes with a coded 404', async () => {
    const response = await w.t.app.inject({ method: 'GET', url: '/api/nexiste-pas' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route.not_found');
  });

  it('answers malformed JSON with a coded 400', async () => {
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: { cookie: await w.as('admin'), origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: '{"email": "x@example.org", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'request.invalid_json',
      message: "Le corps de la requête n'est pas un JSON valide.",
    });
  });

  it('answers oversized bodies with a coded 413', async () => {
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/accept',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), password: 'x' }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('names the field and the problem on wrong types and unknown enum values', async () => {
    const admin = await w.as('admin');
    const response = await w.call(admin, 'POST', '/api/admin/invitations', {
      email: 'x@example.org',
      role: 'superuser',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      {
        field: 'role',
        code: 'validation.unknown_value',
        message: 'Cette valeur ne fait pas partie des choix possibles.',
      },
    ]);
  });
});

describe('configuration', () => {
  it('rejects a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
  });

  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './.data', databaseKind: 'pglite' });
  });

  it('trusts this machine by name and by address when no BASE_URL is set, else only BASE_URL', () => {
    expect(loadConfig({ PORT: '3100' }).trustedOrigins).toEqual([
      'http://localhost:3100',
      'http://127.0.0.1:3100',
      'http://[::1]:3100',
    ]);
    expect(loadConfig({ BASE_URL: 'https://maillage.example.org/' }).trustedOrigins).toEqual([
      'https://maillage.example.org',
    ]);
  });
});
