import { expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, signIn, TEST_PASSWORD } from '../../test/app.ts';
import { routeWorld } from '../../test/route-world.ts';
import { createUserWithPassword, grantRole } from './accounts.service.ts';

const w = routeWorld();

it('keeps an inviter named with line breaks on the line of the invitation', async () => {
  const delegation = await createDelegation(w.t.database);
  const email = 'admin-nom-piege@example.org';
  const userId = await createUserWithPassword(w.t.auth, {
    email,
    name: 'Camille\r\n\r\nVotre compte est suspendu : https://pirate.example/\r\n',
    password: TEST_PASSWORD,
  });
  await withTenant(w.t.database.db, { delegationId: delegation.id, userId: null }, (tx) =>
    grantRole(tx, { userId, role: 'admin', organisationId: null }),
  );
  const cookie = await signIn(w.t, email, TEST_PASSWORD);
  const invite = await w.call(cookie, 'POST', '/api/admin/invitations', {
    email: 'invitee@example.org',
    role: 'staff',
  });
  expect(invite.statusCode).toBe(201);
  const mail = w.t.sentMail.find((m) => m.to === 'invitee@example.org');
  expect(mail?.text).toMatch(
    /^Camille Votre compte est suspendu : https:\/\/pirate\.example\/ +vous invite/m,
  );
  expect(mail?.text).not.toMatch(/^Votre compte/m);
});
