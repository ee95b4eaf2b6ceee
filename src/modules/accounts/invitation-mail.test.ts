import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import {
  createDelegation,
  createTestApp,
  signIn,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/app.ts';
import { createUserWithPassword, grantRole } from './accounts.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('keeps an inviter named with line breaks on the line of the invitation', async () => {
  const delegation = await createDelegation(t.database);
  const email = 'admin-nom-piege@example.org';
  const userId = await createUserWithPassword(t.auth, {
    email,
    name: 'Camille\r\n\r\nVotre compte est suspendu : https://pirate.example/\r\n',
    password: TEST_PASSWORD,
  });
  await withTenant(t.database.db, { delegationId: delegation.id, userId: null }, (tx) =>
    grantRole(tx, { userId, role: 'admin', organisationId: null }),
  );
  const cookie = await signIn(t, email, TEST_PASSWORD);
  const invite = await t.app.inject({
    method: 'POST',
    url: '/api/admin/invitations',
    headers: { cookie, origin: TEST_ORIGIN },
    payload: { email: 'invitee@example.org', role: 'staff' },
  });
  expect(invite.statusCode).toBe(201);
  const mail = t.sentMail.find((m) => m.to === 'invitee@example.org');
  expect(mail?.text).toMatch(
    /^Camille Votre compte est suspendu : https:\/\/pirate\.example\/ +vous invite/m,
  );
  expect(mail?.text).not.toMatch(/^Votre compte/m);
});
