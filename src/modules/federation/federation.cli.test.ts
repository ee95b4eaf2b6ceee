import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createDelegation,
  createTestApp,
  request,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/app.ts';
import { users } from '../accounts/accounts.table.ts';
import { federationCommand } from './federation.cli.ts';
import { federationMembers } from './federation.table.ts';

let t: TestApp;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  const code = await federationCommand({ database: t.database, auth: t.auth }, argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const members = async () => (await t.database.db.select({ n: count() }).from(federationMembers))[0]?.n;

beforeAll(async () => {
  t = await createTestApp({ own: true });
});
afterAll(async () => t?.close());

describe('npx maillage federation add', () => {
  it('creates the account, which chooses its password by e-mail and signs in as the federation', async () => {
    const run = await cli('add', '--email', 'Nationale@Example.org', '--name', 'Équipe nationale', '--json');
    expect(run.code, run.stderr).toBe(0);
    const added = JSON.parse(run.stdout);
    expect(added).toMatchObject({ email: 'nationale@example.org', created: true });
    await vi.waitFor(() =>
      expect(t.sentMail.filter((m) => m.to === 'nationale@example.org')).toHaveLength(1),
    );
    const mail = t.sentMail.find((m) => m.to === 'nationale@example.org');
    const token = /mot-de-passe\/([^\s?]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const reset = await request(t, null, 'POST', '/api/account/password-reset', {
      token,
      newPassword: 'un-secret-national-2026',
    });
    expect(reset.statusCode, reset.body).toBe(204);
    const cookie = await signIn(t, 'nationale@example.org', 'un-secret-national-2026');
    expect((await request(t, cookie, 'GET', '/api/me')).json()).toMatchObject({
      role: 'federation',
      delegation: null,
    });
  });

  it("refuses a delegation's account, a bad address, a missing name: exit 2, nothing written", async () => {
    const delegation = await createDelegation(t.database);
    const staff = await signedInAs(t, { delegationId: delegation.id, role: 'staff' });
    const before = await members();
    const taken = await cli('add', '--email', staff.email, '--name', 'X');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('a un rôle dans une délégation');
    const bad = await cli('add', '--email', 'pas-une-adresse', '--name', 'X', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.fields[0]).toMatchObject({
      option: '--email',
      code: 'federation.email_invalid',
    });
    const nameless = await cli('add', '--email', 'sans-nom@example.org');
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toContain('--name : Indiquez le nom de la personne.');
    expect(await t.database.db.select().from(users).where(eq(users.email, 'sans-nom@example.org'))).toEqual(
      [],
    );
    expect((await cli('add')).code).toBe(2);
    expect((await cli('remove', '--email', 'x@example.org')).code).toBe(2);
    expect(await members()).toBe(before);
  });
});
