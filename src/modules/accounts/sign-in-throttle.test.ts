import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { signedInAs, TEST_ORIGIN, TEST_PASSWORD } from '../../test/app.ts';
import { routeWorld } from '../../test/route-world.ts';
import { accountKey, lockSeconds, SIGN_IN_LIMITS } from './sign-in-throttle.service.ts';

const w = routeWorld();

let address = 0;

/** A sign-in from a new address each time: the per-address limit never answers here. */
function signIn(email: string, password: string, app: FastifyInstance = w.t.app) {
  address += 1;
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN },
    remoteAddress: `172.16.${Math.floor(address / 250)}.${(address % 250) + 1}`,
    payload: { email, password },
  });
}

async function row(email: string) {
  const [found] = await queryRows<{ failures: number; locked_until: Date | string | null }>(
    w.t.database.db,
    sql`select failures, locked_until from sign_in_failures where account_key = ${accountKey(email)}`,
  );
  return found;
}

/** Jumps past the current wait, as if its time had passed. */
async function endWait(email: string) {
  await w.t.database.db.execute(
    sql`update sign_in_failures set locked_until = now() - interval '1 second' where account_key = ${accountKey(email)}`,
  );
}

describe('per-account limit on failed sign-ins', () => {
  it('waits nothing for the first ten failures, then doubles from one minute up to a quarter of an hour', () => {
    expect(SIGN_IN_LIMITS.freeFailures).toBe(10);
    expect([1, 9, 10, 11, 12, 13, 14, 15, 40, 10_000].map((n) => lockSeconds(n))).toEqual([
      0, 0, 60, 120, 240, 480, 900, 900, 900, 900,
    ]);
  });

  it('slows twelve wrong passwords from twelve addresses, refuses even the right one while waiting, then lets it in', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(email, `mauvais-${i}-mot-de-passe`)).statusCode);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);

    const refused = await signIn(email, TEST_PASSWORD);
    // No oracle: during the wait the password is not even checked.
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: {
        code: 'auth.account_throttled',
        message: expect.stringMatching(/Trop de tentatives.*ce compte/),
      },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Refused attempts neither count nor lengthen the wait.
    const before = await row(email);
    await signIn(email, 'encore-un-mauvais');
    expect(await row(email)).toEqual(before);

    await endWait(email);
    const after = await signIn(email, TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    expect(after.headers['set-cookie']).toBeDefined();
    // A success starts the count again.
    expect(await row(email)).toBeUndefined();
    expect((await signIn(email, 'mauvais-mot-de-passe')).statusCode).toBe(401);
  });

  it('never makes a user wait more than a quarter of an hour, however many failures', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'member' });
    await w.t.database.db.execute(
      sql`insert into sign_in_failures (account_key, failures, last_failure_at) values (${accountKey(email)}, 500, now())`,
    );
    expect((await signIn(email, 'mauvais-mot-de-passe')).statusCode).toBe(401);
    const refused = await signIn(email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    await endWait(email);
    expect((await signIn(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('forgets failures after an hour without one', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'board' });
    await w.t.database.db.execute(
      sql`insert into sign_in_failures (account_key, failures, last_failure_at)
        values (${accountKey(email)}, 9, now() - interval '61 minutes')`,
    );
    expect((await signIn(email, 'mauvais-mot-de-passe')).statusCode).toBe(401);
    expect((await row(email))?.failures).toBe(1);
    expect((await signIn(email, 'mauvais-mot-de-passe')).statusCode).toBe(401);
  });

  it('answers the same for an address that has no account (no way to tell which exist)', async () => {
    const email = `inconnue-${Date.now()}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signIn(email, 'mauvais-mot-de-passe')).statusCode);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // Counted under a hash: the address typed is not kept.
    const stored = await queryRows<{ account_key: string }>(
      w.t.database.db,
      sql`select account_key from sign_in_failures where account_key like ${'%inconnue%'}`,
    );
    expect(stored).toEqual([]);
  });

  it('is shared by every app server (counted in the database), whatever the case of the e-mail', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const other = await w.t.secondServer();
    try {
      // Seven failures here, two there (one typed in capitals), the tenth here again.
      for (let i = 0; i < 7; i++)
        expect((await signIn(email, `mauvais-${i}-mot-de-passe`)).statusCode).toBe(401);
      expect((await signIn(email.toUpperCase(), 'mauvais-mot-de-passe', other)).statusCode).toBe(401);
      expect((await signIn(email, 'mauvais-mot-de-passe', other)).statusCode).toBe(401);
      expect((await signIn(email, 'mauvais-mot-de-passe')).statusCode).toBe(401);
      expect((await signIn(email, TEST_PASSWORD, other)).json().error.code).toBe('auth.account_throttled');
      expect((await signIn(email, TEST_PASSWORD, w.t.app)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('counts attempts sent all at once: no more than ten in a row get their password checked', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    await w.t.database.db.execute(
      sql`insert into sign_in_failures (account_key, failures, last_failure_at) values (${accountKey(email)}, 6, now())`,
    );
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(email, `mauvais-${i}-mot-de-passe`)),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
  });
});
