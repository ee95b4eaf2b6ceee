import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { invitations } from './accounts.table.ts';

let t: TestApp;
let delegationId: string;

beforeAll(async () => {
  t = await createTestApp();
  delegationId = (await createDelegation(t.database)).id;
});
afterAll(async () => t?.close());

const users = async (cookie: string) =>
  (await request(t, cookie, 'GET', '/api/admin/users')).json().items as { id: string; role: string }[];

describe('managing the delegation’s users (admin)', () => {
  it('changes a role, refuses to leave no administrator, and deactivates with sessions ended at once', async () => {
    const admin = await signedInAs(t, { delegationId, role: 'admin' });
    const staff = await signedInAs(t, { delegationId, role: 'staff' });
    expect(
      (await request(t, staff.cookie, 'PUT', `/api/admin/users/${admin.userId}/role`, { role: 'staff' }))
        .statusCode,
    ).toBe(403);

    const last = await request(t, admin.cookie, 'PUT', `/api/admin/users/${admin.userId}/role`, {
      role: 'staff',
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('accounts.last_admin');
    const self = await request(t, admin.cookie, 'DELETE', `/api/admin/users/${admin.userId}`);
    expect(self.statusCode).toBe(409);

    const promoted = await request(t, admin.cookie, 'PUT', `/api/admin/users/${staff.userId}/role`, {
      role: 'board',
    });
    expect(promoted.statusCode, promoted.body).toBe(204);
    expect((await users(admin.cookie)).find((u) => u.id === staff.userId)?.role).toBe('board');
    const needsOrg = await request(t, admin.cookie, 'PUT', `/api/admin/users/${staff.userId}/role`, {
      role: 'member',
    });
    expect(needsOrg.statusCode).toBe(422);

    expect((await request(t, staff.cookie, 'GET', '/api/me')).statusCode).toBe(200);
    const gone = await request(t, admin.cookie, 'DELETE', `/api/admin/users/${staff.userId}`);
    expect(gone.statusCode).toBe(204);
    expect((await request(t, staff.cookie, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await users(admin.cookie)).map((u) => u.id)).not.toContain(staff.userId);

    // A second administrator: now the first may step down.
    const second = await signedInAs(t, { delegationId, role: 'admin' });
    expect(
      (await request(t, second.cookie, 'PUT', `/api/admin/users/${admin.userId}/role`, { role: 'staff' }))
        .statusCode,
    ).toBe(204);
  });

  it('cannot reach a user of another delegation', async () => {
    const admin = await signedInAs(t, { delegationId, role: 'admin' });
    const other = await createDelegation(t.database);
    const stranger = await signedInAs(t, { delegationId: other.id, role: 'admin' });
    expect((await request(t, admin.cookie, 'DELETE', `/api/admin/users/${stranger.userId}`)).statusCode).toBe(
      404,
    );
    expect((await request(t, stranger.cookie, 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('re-sends an invitation with a new link and revokes one', async () => {
    const admin = await signedInAs(t, { delegationId, role: 'admin' });
    const sent = await request(t, admin.cookie, 'POST', '/api/admin/invitations', {
      email: 'invitee@example.org',
      role: 'staff',
    });
    expect(sent.statusCode).toBe(201);
    const firstLink = t.sentMail.at(-1)?.text.match(/\/invitation\/(\S+)/)?.[1];
    const again = await request(t, admin.cookie, 'POST', `/api/admin/invitations/${sent.json().id}/resend`);
    expect(again.statusCode, again.body).toBe(201);
    const secondLink = t.sentMail.at(-1)?.text.match(/\/invitation\/(\S+)/)?.[1];
    expect(secondLink).toBeDefined();
    expect(secondLink).not.toBe(firstLink);
    expect(again.json().id).toBe(sent.json().id);
    expect((await request(t, null, 'GET', `/api/invitations/${firstLink}`)).statusCode).toBe(404);
    expect((await request(t, null, 'GET', `/api/invitations/${secondLink}`)).statusCode).toBe(200);

    const revoked = await request(t, admin.cookie, 'DELETE', `/api/admin/invitations/${again.json().id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await request(t, null, 'GET', `/api/invitations/${secondLink}`)).statusCode).toBe(404);
    const rows = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'invitee@example.org'));
    expect(rows).toEqual([]);
    expect(
      (await request(t, admin.cookie, 'DELETE', `/api/admin/invitations/${again.json().id}`)).statusCode,
    ).toBe(404);
  });
});
