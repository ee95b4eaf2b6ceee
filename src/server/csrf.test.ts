/**
 * CSRF: a cookie-carrying request that changes something is refused unless it comes from our
 * own origin, however its path is spelt. The router decodes `/%61pi/…` into `/api/…`; a check
 * on the raw URL let such a request through (a report frozen, an import committed, a calendar
 * token replaced from another site).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../test/app.ts';

let t: TestApp;
let staff: { cookie: string; userId: string };
let delegationId: string;

beforeAll(async () => {
  t = await createTestApp();
  delegationId = (await createDelegation(t.database)).id;
  staff = await signedInAs(t, { delegationId, role: 'staff' });
});
afterAll(() => t.close());

const FOREIGN = 'https://evil.example';

/** Ways to write `/api/<rest>` that a router (or a proxy in front) may take for it. */
function spellings(rest: string): string[] {
  const [first, ...others] = rest.split('/');
  const encodedFirst = [...(first ?? '')].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
  return [
    `/api/${rest}`,
    `/%61pi/${rest}`,
    `/%61%70%69/${rest}`,
    `/%61%50%69/${rest}`,
    `/API/${rest}`,
    `/Api/${rest}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `/api/../api/${rest}`,
    `/api/./${rest}`,
    `/api/%2e%2e/api/${rest}`,
    `/api/${rest};`,
    `/api/${rest};x=1`,
    `/api/${rest}/`,
    `/api/${rest}?x=1`,
    `/api/${encodedFirst}/${others.join('/')}`,
    `/api%2F${rest}`,
    `/%2561pi/${rest}`,
  ];
}

function importCsv() {
  const name = `CSRF ${randomBytes(3).toString('hex').toUpperCase()}`;
  return Buffer.from(`Nom,Ville,Type\n${name},Foix,EI\n`, 'utf8');
}

async function organisationCount() {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from organisations where delegation_id = ${delegationId}`,
  );
  return row?.n ?? 0;
}

async function frozenReports() {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from annual_reports where delegation_id = ${delegationId} and frozen_at is not null`,
  );
  return row?.n ?? 0;
}

async function calendarTokens() {
  // Replacing or removing a token revokes the live one: its state is part of what must not move.
  return queryRows<{ token_hash: string; live: boolean }>(
    t.database.db,
    sql`select token_hash, revoked_at is null as live from calendar_tokens
      where user_id = ${staff.userId} order by token_hash`,
  );
}

const routes = [
  {
    name: 'import commit',
    method: 'POST' as const,
    rest: 'members/imports/commit?filename=adherents.csv',
    payload: importCsv,
    contentType: 'application/octet-stream',
    state: organisationCount,
  },
  {
    name: 'report freeze',
    method: 'POST' as const,
    rest: 'reports/2023/freeze',
    payload: () => undefined,
    contentType: undefined,
    state: frozenReports,
  },
  {
    name: 'calendar token replacement',
    method: 'POST' as const,
    rest: 'calendar/token',
    payload: () => undefined,
    contentType: undefined,
    state: calendarTokens,
  },
  {
    name: 'calendar token removal',
    method: 'DELETE' as const,
    rest: 'calendar/token',
    payload: () => undefined,
    contentType: undefined,
    state: calendarTokens,
  },
];

function send(
  route: (typeof routes)[number],
  url: string,
  headers: Record<string, string>,
  method: string = route.method,
) {
  const payload = route.payload();
  return t.app.inject({
    method: method as 'POST',
    url,
    headers: {
      cookie: staff.cookie,
      ...(route.contentType ? { 'content-type': route.contentType } : {}),
      ...headers,
    },
    ...(payload ? { payload } : {}),
  });
}

describe('cross-site requests (CSRF)', () => {
  beforeAll(async () => {
    // A token to replace or remove, so that a change would show.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/token',
      headers: { cookie: staff.cookie, origin: TEST_ORIGIN },
    });
    expect(created.statusCode).toBe(201);
  });

  for (const route of routes) {
    it(`refuses the ${route.name} from another site, whatever the spelling of its path`, async () => {
      const before = await route.state();
      const [rest, query] = route.rest.split('?');
      for (const path of spellings(rest as string)) {
        const url = query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
        for (const headers of [{ origin: FOREIGN }, { referer: `${FOREIGN}/page` }, {}] as Record<
          string,
          string
        >[]) {
          const response = await send(route, url, headers);
          expect({ url, headers, status: response.statusCode }).toEqual({ url, headers, status: 403 });
          expect(response.json().error).toMatchObject({
            code: 'auth.csrf',
            message: expect.stringMatching(/\S/),
          });
        }
      }
      expect(await route.state()).toEqual(before);
    });
  }

  it('refuses every method that is not a read, on any path, even one that does not exist', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const url of ['/api/nothing-here', '/%61pi/reports/2023/freeze', '/somewhere/else']) {
        const response = await t.app.inject({
          method: method as 'POST',
          url,
          headers: { cookie: staff.cookie, origin: FOREIGN },
        });
        expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 403 });
        expect(response.json().error.code).toBe('auth.csrf');
      }
    }
  });

  it('still lets our own pages change things, through the same routes and their routed spellings', async () => {
    const tokensBefore = await calendarTokens();
    const replaced = await t.app.inject({
      method: 'POST',
      url: '/%61pi/calendar/token',
      headers: { cookie: staff.cookie, origin: TEST_ORIGIN },
    });
    expect(replaced.statusCode).toBe(201);
    expect(await calendarTokens()).not.toEqual(tokensBefore);

    const frozen = await t.app.inject({
      method: 'POST',
      url: '/api/reports/2023/freeze',
      headers: { cookie: staff.cookie, origin: TEST_ORIGIN },
    });
    expect(frozen.statusCode).toBe(201);
    expect(await frozenReports()).toBe(1);

    const organisations = await organisationCount();
    const committed = await t.app.inject({
      method: 'POST',
      url: '/%61pi/members/imports/commit?filename=adherents.csv',
      headers: {
        cookie: staff.cookie,
        referer: `${TEST_ORIGIN}/import`,
        'content-type': 'application/octet-stream',
      },
      payload: importCsv(),
    });
    expect(committed.statusCode).toBe(201);
    expect(await organisationCount()).toBe(organisations + 1);
  });

  it('does not ask a request without a cookie where it comes from (nothing of the user travels)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/reports/2023/freeze',
      headers: { origin: FOREIGN },
    });
    expect(response.statusCode).toBe(401);
  });
});
