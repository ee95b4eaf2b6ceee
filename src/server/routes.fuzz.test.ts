/**
 * Every registered route, called by the staff of a delegation with generated JSON bodies,
 * query strings and path parameters: never a 500, and every 4xx is the one coded error
 * shape with a French message. A new route is covered as soon as it is registered.
 */
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message } from '../i18n/messages.ts';
import { TEST_ORIGIN } from '../test/app.ts';
import { routeWorld } from '../test/route-world.ts';

const w = routeWorld();

const KEYS = [
  'name',
  'title',
  'summary',
  'description',
  'email',
  'role',
  'status',
  'year',
  'date',
  'startsOn',
  'endsOn',
  'organisationId',
  'ids',
  'values',
  'items',
  'amount',
  'type',
  'conventionTypes',
  'establishment',
  'q',
  'page',
  'limit',
  'from',
  'to',
  'sort',
  'format',
  'filename',
  'mapping',
  'department',
];

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '2024-02-30', '2024-05-16', '99999-01-01', 'ACI', 'staff', 'admin', 'NaN', '-1'),
  fc.constantFrom('<script>alert(1)</script>', "' or 1=1 --", '\u0000', '%00', '../..', 'a'.repeat(5000)),
  fc.uuid(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...KEYS), scalar),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(undefined),
);
const query = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
  fc.oneof(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })),
  { maxKeys: 4 },
);
const param = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
);

function queryString(entries: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(entries))
    for (const item of Array.isArray(v) ? v : [v]) search.append(key, item);
  const text = search.toString();
  return text ? `?${text}` : '';
}

describe('every route under generated input', () => {
  it('never answers 500, and refuses with a coded French error', async () => {
    const routes = w.t.app.routesTable.filter((r) => r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(50);
    // Routes that answered at least once with a success: proof the input reached the handlers.
    const reached = new Set<string>();
    for (const route of routes) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      await fc.assert(
        fc.asyncProperty(
          fc.array(param, { minLength: names.length, maxLength: names.length }),
          body,
          query,
          async (params, payload, q) => {
            let path = route.url;
            names.forEach((name, i) => {
              path = path.replace(`:${name}`, encodeURIComponent(params[i] as string));
            });
            // Better Auth's endpoints: anonymous, so that a generated sign-out cannot end the session.
            const auth = path.startsWith('/api/auth/');
            path = path.replace('*', 'get-session');
            const withBody = route.method !== 'GET' && route.method !== 'DELETE' && payload !== undefined;
            const response = await w.t.app.inject({
              method: route.method as 'GET',
              url: `${path}${queryString(q)}`,
              headers: {
                origin: TEST_ORIGIN,
                ...(auth ? {} : { cookie: w.staff }),
                ...(withBody ? { 'content-type': 'application/json' } : {}),
              },
              ...(withBody ? { payload: JSON.stringify(payload) } : {}),
            });
            const what = `${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, what).toBeLessThan(500);
            if (response.statusCode < 300) reached.add(`${route.method} ${route.url}`);
            if (response.statusCode >= 400) {
              const error = response.json().error;
              expect(typeof error?.code, what).toBe('string');
              expect(typeof error?.message, what).toBe('string');
              expect(error.message, what).not.toBe(error.code);
              expect(error.message, what).not.toBe(message('internal'));
            }
          },
        ),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 4) },
      );
    }
    expect(reached.size).toBeGreaterThan(routes.length / 5);
    console.info(`routes fuzz: ${reached.size} of ${routes.length} routes answered 2xx at least once`);
  }, 600_000);

  // Not left to chance: PostgreSQL refuses NUL in text ("invalid byte sequence"), and a
  // body nested 400,000 levels deep overflowed the stack of whatever walked it.
  it('refuses NUL bytes and deeply nested JSON on every route with a coded 400', async () => {
    const routes = w.t.app.routesTable.filter((r) => r.url.startsWith('/api/'));
    const deep = (levels: number) => `{"name":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    for (const route of routes) {
      const auth = route.url.startsWith('/api/auth/');
      const headers = { origin: TEST_ORIGIN, ...(auth ? {} : { cookie: w.staff }) };
      const path = route.url.replace('*', 'sign-in/email').replace(/:\w+/g, 'x');
      // Each request from an address of its own: a route throttled per address (sign-in,
      // first run) must still show how it treats the bytes, not its throttle.
      const send = (url: string, payload?: string) =>
        w.t.app.inject({
          method: route.method as 'GET',
          url,
          remoteAddress: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
          headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(payload === undefined ? {} : { payload }),
        });
      const expectRefused = (response: Awaited<ReturnType<typeof send>>, code: string, what: string) => {
        const where = `${what} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, where).toBe(400);
        expect(response.json().error.code, where).toBe(code);
        expect(response.json().error.message, where).toBe(message(code));
      };
      expectRefused(await send(`${path}?q=%00&delegation=%00`), 'request.nul_byte', 'query');
      if (route.url.includes(':'))
        expectRefused(await send(route.url.replace(/:\w+/g, 'a%00b')), 'request.nul_byte', 'path');
      // Bodies are parsed once the caller is let in; the import routes take raw files, not JSON.
      if (
        route.method === 'GET' ||
        route.method === 'DELETE' ||
        route.url.startsWith('/api/members/imports/')
      )
        continue;
      for (const [what, payload, code] of [
        ['NUL in a value', '{"name":"a\\u0000b","title":"x"}', 'request.nul_byte'],
        ['NUL in a key', '{"a\\u0000":"x"}', 'request.nul_byte'],
        ['deep arrays', deep(400_000), 'request.too_deep'],
        ['deep objects', deepObject(100_000), 'request.too_deep'],
      ] as const) {
        const response = await send(path, payload);
        if (response.statusCode === 401 || response.statusCode === 403) continue;
        expectRefused(response, code, what);
      }
    }
  }, 600_000);
});
