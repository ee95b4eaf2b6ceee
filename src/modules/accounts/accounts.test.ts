import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedInAs, signIn, TEST_ORIGIN, TEST_PASSWORD } from '../../test/app.ts';
import { eventually } from '../../test/eventually.ts';
import { expectFieldError, routeWorld } from '../../test/route-world.ts';
import { smtpCatcher } from '../../test/smtp.ts';
import { SIGN_IN_PER_ADDRESS_PER_MINUTE } from './auth.ts';

// A real SMTP exchange: the app's mailer talks to an in-process SMTP server.
const smtp = smtpCatcher();
const { received } = smtp;
const w = routeWorld(() => ({ mailer: smtp.mailer() }));

/** The status a request ends up with: a change made on another server arrives by notification. */
const eventuallyStatus = (send: () => Promise<{ statusCode: number }>, expected: number) =>
  eventually(async () => (await send()).statusCode, expected);
const me = (cookie: string) => w.t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('sign-in and sessions', () => {
  it('signs in with e-mail and password, and knows who is calling', async () => {
    const { cookie, email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const response = await me(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { email },
      role: 'staff',
      delegation: { id: w.delegationId },
    });
    const setCookie = String(
      (
        await w.t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          headers: { origin: TEST_ORIGIN },
          payload: { email, password: TEST_PASSWORD },
        })
      ).headers['set-cookie'],
    );
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('answers a wrong password in French, without saying which part was wrong', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN, 'x-forwarded-for': '10.0.0.1' },
      payload: { email, password: 'pas le bon mot de passe' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'auth.invalid_credentials', message: 'E-mail ou mot de passe incorrect.' },
    });
  });

  it('signs out: the session cookie no longer works', async () => {
    const { cookie } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'board' });
    const out = await w.t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: TEST_ORIGIN },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('sees a change of role at once, though sessions are remembered between requests', async () => {
    const { cookie, userId } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    expect((await me(cookie)).json().role).toBe('staff');
    await w.t.database.db.execute(sql`update user_roles set role = 'board' where user_id = ${userId}`);
    const role = async () => (await me(cookie)).json().role as string;
    const deadline = Date.now() + 3000;
    let seen = await role();
    while (seen !== 'board' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await role();
    }
    expect(seen).toBe('board');
    await w.t.database.db.execute(sql`delete from user_roles where user_id = ${userId}`);
    expect(await eventuallyStatus(() => me(cookie), 401)).toBe(401);
  });

  it('keeps sessions in the database: another app server honours them, and sign-out there ends them here', async () => {
    const { cookie } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const other = await w.t.secondServer();
    try {
      expect((await other.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
        200,
      );
      // This server has seen the session (and remembers it) before the other one ends it.
      expect((await me(cookie)).statusCode).toBe(200);
      await other.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie, origin: TEST_ORIGIN },
        payload: {},
      });
      expect(await eventuallyStatus(() => me(cookie), 401)).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses an expired session', async () => {
    const { cookie, userId } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    await w.t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${userId}`,
    );
    const response = await me(cookie);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.required');
  });

  it('throttles repeated sign-in attempts and says so in French', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_PER_ADDRESS_PER_MINUTE + 2; i++) {
      const response = await w.t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN },
        remoteAddress: '192.0.2.77',
        // One e-mail per attempt: the per-address limit, not the per-account one.
        payload: { email: `personne-${i}@example.org`, password: 'mauvais-mot-de-passe' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe('auth.rate_limited');
    }
    expect(statuses.slice(0, SIGN_IN_PER_ADDRESS_PER_MINUTE)).toEqual(
      Array(SIGN_IN_PER_ADDRESS_PER_MINUTE).fill(401),
    );
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses a cookie-carrying change that comes from another site (CSRF)', async () => {
    const { cookie } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'admin' });
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { email: 'x@example.org', role: 'staff' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.csrf');
    const noOrigin = await w.t.app.inject({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: { cookie },
      payload: { email: 'x@example.org', role: 'staff' },
    });
    expect(noOrigin.statusCode).toBe(403);
  });
});

describe('invitations', () => {
  it('lets an admin invite by e-mail; the invited person creates an account and signs in', async () => {
    const admin = await w.signedIn('admin');
    const invite = await w.call(admin.cookie, 'POST', '/api/admin/invitations', {
      email: 'Nouvelle.Salariee@Example.org',
      role: 'staff',
    });
    expect(invite.statusCode).toBe(201);
    const mail = received.find((m) => m.to === 'nouvelle.salariee@example.org');
    expect(mail, 'invitation e-mail received over SMTP').toBeDefined();
    const body = mail!.data.replace(/=\r?\n/g, '');
    expect(body).toContain('Invitation');
    const token = body.match(/\/invitation\/([\w-]+)/)?.[1];
    expect(token).toBeDefined();

    const shown = await w.t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(shown.json()).toMatchObject({ email: 'nouvelle.salariee@example.org', role: 'staff' });

    const tooShort = await w.t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Nouvelle Salariée', password: 'court' },
    });
    expectFieldError(tooShort, 422, { field: 'password' });

    const accepted = await w.t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Nouvelle Salariée', password: 'un-mot-de-passe-long' },
    });
    expect(accepted.statusCode).toBe(201);
    const cookie = await signIn(w.t, 'nouvelle.salariee@example.org', 'un-mot-de-passe-long');
    expect((await me(cookie)).json()).toMatchObject({ role: 'staff', delegation: { id: w.delegationId } });

    // The link works once.
    const again = await w.t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('invitations.not_found');

    const list = await w.t.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { cookie: admin.cookie },
    });
    expect(list.json().items.map((u: { email: string }) => u.email)).toContain(
      'nouvelle.salariee@example.org',
    );
  });

  it('requires an organisation for a member invitation', async () => {
    const admin = await w.signedIn('admin');
    const response = await w.call(admin.cookie, 'POST', '/api/admin/invitations', {
      email: 'adherent@example.org',
      role: 'member',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0].field).toBe('organisationId');
  });

  it('does not let staff invite users', async () => {
    const staff = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: { cookie: staff.cookie, origin: TEST_ORIGIN },
      payload: { email: 'x@example.org', role: 'admin' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
  });
});
