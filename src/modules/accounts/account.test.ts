import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { request, signedInAs, signIn, TEST_ORIGIN, TEST_PASSWORD } from '../../test/app.ts';
import { expectFieldError, routeWorld } from '../../test/route-world.ts';
import { organisations } from '../members/members.table.ts';
import { users, verifications } from './accounts.table.ts';

const w = routeWorld();

const NEW_PASSWORD = 'un-tout-nouveau-secret';
const me = (cookie: string) => w.t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const randomAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** The session cookie a response sets, as a Cookie header. */
function cookieOf(response: { headers: Record<string, unknown> }): string {
  const setCookie = response.headers['set-cookie'];
  const list = Array.isArray(setCookie) ? setCookie : [String(setCookie ?? '')];
  return list
    .map((c: string) => c.split(';')[0])
    .filter((c) => c && !c.endsWith('='))
    .join('; ');
}

function post(url: string, payload: object, options: { cookie?: string; ip?: string } = {}) {
  return w.t.app.inject({
    method: 'POST',
    url,
    headers: options.cookie ? { cookie: options.cookie, origin: TEST_ORIGIN } : { origin: TEST_ORIGIN },
    remoteAddress: options.ip ?? randomAddress(),
    payload,
  });
}

describe('changing one’s password', () => {
  it('ends every other session of the user and keeps this one', async () => {
    const { cookie, email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const stolen = await signIn(w.t, email, TEST_PASSWORD);
    expect((await me(stolen)).statusCode).toBe(200);

    const changed = await post(
      '/api/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      { cookie },
    );
    expect(changed.statusCode).toBe(204);
    expect((await me(stolen)).statusCode).toBe(401);
    const renewed = cookieOf(changed);
    expect((await me(renewed)).statusCode).toBe(200);
    await expect(signIn(w.t, email, TEST_PASSWORD)).rejects.toThrow(/401/);
    expect((await me(await signIn(w.t, email, NEW_PASSWORD))).statusCode).toBe(200);
  });

  it('answers in French, on the field, when the current password is wrong or the new one too short', async () => {
    const { cookie } = await signedInAs(w.t, {
      delegationId: w.delegationId,
      role: 'member',
      organisationId: null,
    });
    const wrong = await post(
      '/api/account/password',
      { currentPassword: 'pas-le-bon-mot-de-passe', newPassword: NEW_PASSWORD },
      { cookie },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({
      code: 'account.wrong_password',
      fields: [{ field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }],
    });
    const short = await post(
      '/api/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'court' },
      { cookie },
    );
    expectFieldError(short, 422, { field: 'newPassword', code: 'auth.password_too_short' });
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('is throttled: a stolen session cannot guess the current password quickly', async () => {
    const { cookie } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const ip = randomAddress();
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await post(
            '/api/account/password',
            { currentPassword: `essai-numero-${i}`, newPassword: NEW_PASSWORD },
            { cookie, ip },
          )
        ).statusCode,
      );
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
  });

  it('is not open through the auth library’s own endpoint, which keeps the other sessions', async () => {
    const { cookie } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const direct = await post(
      '/api/auth/change-password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: false },
      { cookie },
    );
    expect(direct.statusCode).toBe(404);
    expect(direct.json().error.code).toBe('route.not_found');
  });
});

describe('one’s sessions', () => {
  it('lists the active sessions with device, address and dates, and ends the others on request', async () => {
    const { cookie, email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'board' });
    const other = await w.t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN, 'user-agent': 'Mozilla/5.0 (X11; Linux) Firefox/140.0' },
      remoteAddress: '192.0.2.44',
      payload: { email, password: TEST_PASSWORD },
    });
    const otherCookie = cookieOf(other);
    const someoneElse = await signedInAs(w.t, { delegationId: w.delegationId, role: 'board' });

    const listed = await request(w.t, cookie, 'GET', '/api/account/sessions');
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as { current: boolean; userAgent: string; ipAddress: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.find((s) => !s.current)).toMatchObject({
      userAgent: 'Mozilla/5.0 (X11; Linux) Firefox/140.0',
      ipAddress: '192.0.2.44',
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    expect(listed.body).not.toMatch(/token/i);

    const ended = await request(w.t, cookie, 'POST', '/api/account/sessions/revoke-others', {});
    expect(ended.statusCode).toBe(204);
    expect((await me(otherCookie)).statusCode).toBe(401);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await me(someoneElse.cookie)).statusCode).toBe(200);
    expect((await request(w.t, cookie, 'GET', '/api/account/sessions')).json().items).toHaveLength(1);
  });

  it('is for signed-in users only', async () => {
    expect((await request(w.t, null, 'GET', '/api/account/sessions')).statusCode).toBe(401);
    expect((await request(w.t, null, 'POST', '/api/account/sessions/revoke-others', {})).statusCode).toBe(
      401,
    );
  });
});

describe('mot de passe oublié', () => {
  const tokenOf = (text: string) => /\/mot-de-passe\/([^\s]+)/.exec(text)?.[1] ?? '';
  const mailsTo = (email: string) => w.t.sentMail.filter((m) => m.to === email);

  it('gives the same answer for an unknown address and sends it no mail', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const known = await post('/api/account/password-reset/request', { email });
    const unknown = await post('/api/account/password-reset/request', { email: 'personne@example.org' });
    const malformed = await post('/api/account/password-reset/request', { email: 'pas-une-adresse' });
    for (const answer of [known, unknown, malformed]) {
      expect(answer.statusCode).toBe(202);
      expect(answer.body).toBe(known.body);
    }
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(1));
    expect(mailsTo('personne@example.org')).toHaveLength(0);
  });

  it('sets a new password with a one-hour, single-use link and ends every session', async () => {
    const { cookie, email } = await signedInAs(w.t, {
      delegationId: w.delegationId,
      role: 'member',
      organisationId: null,
    });
    const other = await signIn(w.t, email, TEST_PASSWORD);
    expect(
      (await post('/api/account/password-reset/request', { email: email.toUpperCase() })).statusCode,
    ).toBe(202);
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(1));
    const mail = mailsTo(email)[0];
    expect(mail?.subject).toBe('Réinitialisation de votre mot de passe Maillage');
    expect(mail?.text).toContain(`${TEST_ORIGIN}/mot-de-passe/`);
    expect(mail?.text).toContain('60 minutes');
    const token = tokenOf(mail?.text ?? '');
    expect(token.length).toBeGreaterThan(10);

    const reset = await post('/api/account/password-reset', { token, newPassword: NEW_PASSWORD });
    expect(reset.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(await signIn(w.t, email, NEW_PASSWORD))).statusCode).toBe(200);

    const again = await post('/api/account/password-reset', { token, newPassword: 'encore-un-autre-secret' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toMatchObject({
      code: 'account.reset_token_invalid',
      fields: [{ field: 'token' }],
    });
  });

  it('refuses a link older than an hour, and a too short password', async () => {
    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    await post('/api/account/password-reset/request', { email });
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(1));
    const token = tokenOf(mailsTo(email)[0]?.text ?? '');
    const short = await post('/api/account/password-reset', { token, newPassword: 'court' });
    expectFieldError(short, 422, { field: 'newPassword', code: 'auth.password_too_short' });
    await w.t.database.db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verifications.identifier, `reset-password:${token}`));
    const expired = await post('/api/account/password-reset', { token, newPassword: NEW_PASSWORD });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe('account.reset_token_invalid');
    expect((await me(await signIn(w.t, email, TEST_PASSWORD))).statusCode).toBe(200);
  });

  it('is throttled per client address and per e-mail address', async () => {
    const ip = randomAddress();
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(
        (await post('/api/account/password-reset/request', { email: `x${i}@example.org` }, { ip }))
          .statusCode,
      );
    expect(answers).toEqual([202, 202, 202, 429]);

    const { email } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    for (let i = 0; i < 5; i++)
      expect((await post('/api/account/password-reset/request', { email })).statusCode).toBe(202);
    await vi.waitFor(() => expect(mailsTo(email)).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mailsTo(email)).toHaveLength(3);
  });
});

describe('one’s name', () => {
  it('can be changed, trimmed, and nothing else of the account', async () => {
    const { cookie, userId } = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const renamed = await request(w.t, cookie, 'PATCH', '/api/account', { name: '  Camille Martin ' });
    expect(renamed.statusCode).toBe(200);
    expect((await me(cookie)).json().user.name).toBe('Camille Martin');

    const withImage = await request(w.t, cookie, 'PATCH', '/api/account', {
      name: 'Camille',
      image: 'https://tracker.example/pixel.png',
    });
    expect(withImage.statusCode).toBe(400);
    expect(withImage.json().error.fields).toEqual([
      expect.objectContaining({ code: 'validation.unknown_field' }),
    ]);
    for (const name of ['', 'Camille\nAdministratrice', 'A\u202Enimda', 'x'.repeat(101)]) {
      const refused = await request(w.t, cookie, 'PATCH', '/api/account', { name });
      expect(refused.statusCode, JSON.stringify(name)).toBe(400);
      expect(refused.json().error.fields[0].field).toBe('name');
    }
    const [row] = await w.t.database.db.select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ name: 'Camille Martin', image: null });
  });

  it('is checked the same way when an invitation is accepted', async () => {
    const accepted = await post(`/api/invitations/${'x'.repeat(32)}/accept`, {
      name: 'Camille\r\nBcc: tous@example.org',
      password: NEW_PASSWORD,
    });
    expect(accepted.statusCode).toBe(400);
    expect(accepted.json().error.fields[0].field).toBe('name');
  });

  it('is not open to any field through the auth library’s update-user', async () => {
    const { cookie, userId } = await signedInAs(w.t, {
      delegationId: w.delegationId,
      role: 'member',
      organisationId: null,
    });
    const answer = await request(w.t, cookie, 'POST', '/api/auth/update-user', {
      name: 'Administratrice démo',
      image: 'https://tracker.example/pixel.png',
    });
    expect(answer.statusCode).toBe(404);
    const [row] = await w.t.database.db.select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ name: 'Test member', image: null });
  });
});

describe('history names who acted as they were then', () => {
  it('keeps the name of the time whatever renames the author later', async () => {
    const staff = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    const [organisation] = await withTenant(
      w.t.database.db,
      { delegationId: w.delegationId, userId: staff.userId },
      (tx) =>
        tx
          .insert(organisations)
          .values({ delegationId: w.delegationId, name: 'Atelier du Lac', searchName: 'atelier du lac' })
          .returning({ id: organisations.id }),
    );
    await w.t.database.db.execute(
      sql`update users set name = 'Administratrice démo' where id = ${staff.userId}`,
    );
    const history = await request(w.t, staff.cookie, 'GET', `/api/audit/records/${organisation?.id}`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toEqual([
      expect.objectContaining({ action: 'insert', actorName: 'Test staff', actorRole: 'staff' }),
    ]);
  });

  it('keeps the author’s name and role of the time, and shows the rename itself', async () => {
    const [organisation] = await withTenant(
      w.t.database.db,
      { delegationId: w.delegationId, userId: null },
      (tx) =>
        tx
          .insert(organisations)
          .values({
            delegationId: w.delegationId,
            name: 'Recyclerie du Port',
            searchName: 'recyclerie du port',
          })
          .returning({ id: organisations.id }),
    );
    const organisationId = organisation?.id ?? '';
    const member = await signedInAs(w.t, { delegationId: w.delegationId, role: 'member', organisationId });
    const staff = await signedInAs(w.t, { delegationId: w.delegationId, role: 'staff' });
    await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: member.userId }, (tx) =>
      tx
        .update(organisations)
        .set({ website: 'https://recyclerie.example' })
        .where(eq(organisations.id, organisationId)),
    );

    const renamed = await request(w.t, member.cookie, 'PATCH', '/api/account', {
      name: 'Administratrice démo',
    });
    expect(renamed.statusCode).toBe(200);

    const history = await request(
      w.t,
      staff.cookie,
      'GET',
      `/api/members/organisations/${organisationId}/history`,
    );
    expect(history.statusCode).toBe(200);
    const items = history.json().items as { tableName: string; actorName: string; actorRole: string }[];
    expect(items[0]).toMatchObject({
      tableName: 'users',
      action: 'update',
      actorName: 'Test member',
      actorRole: 'member',
      changes: [{ field: 'name', before: 'Test member', after: 'Administratrice démo' }],
    });
    expect(items[1]).toMatchObject({
      tableName: 'organisations',
      actorName: 'Test member',
      actorRole: 'member',
      changes: [{ field: 'website', before: null, after: 'https://recyclerie.example' }],
    });
    expect(history.body).not.toMatch(/"actorName":"Administratrice démo"/);

    // Whatever path renames a user (here the database itself), past rows keep the old name.
    await w.t.database.db.execute(
      sql`update users set name = 'Quelqu''un d''autre' where id = ${member.userId}`,
    );
    const later = await request(w.t, staff.cookie, 'GET', `/api/audit/records/${organisationId}`);
    expect(later.json().items.map((i: { actorName: string }) => i.actorName)).not.toContain(
      "Quelqu'un d'autre",
    );
  });
});
