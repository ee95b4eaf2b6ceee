import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/seed/demo.ts';
import { createTestApp, request, signIn, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { bretagneCreateArgs } from '../../test/bretagne.ts';
import { captureCli } from '../../test/cli.ts';
import { invitations } from '../accounts/accounts.table.ts';
import { delegationCommand } from './delegation.cli.ts';
import { delegations } from './delegations.table.ts';

let t: TestApp;

async function cli(...argv: string[]) {
  const mailer = { send: async (mail: (typeof t.sentMail)[number]) => void t.sentMail.push(mail) };
  return captureCli((io) =>
    delegationCommand({ database: t.database, mailer, baseUrl: TEST_ORIGIN }, argv, io),
  );
}

async function counts() {
  const [d] = await t.database.db.select({ n: count() }).from(delegations);
  const [i] = await t.database.db.select({ n: count() }).from(invitations);
  return { delegations: d?.n, invitations: i?.n };
}

const valid = bretagneCreateArgs('Admin.Bretagne@example.org');

function withOption(option: string, value: string) {
  const argv = [...valid];
  argv[argv.indexOf(option) + 1] = value;
  return argv;
}

beforeAll(async () => {
  t = await createTestApp();
  // The demo is the oldest delegation: a page that fell back to the default would show it.
  await loadDemo(t.database, t.auth);
}, 120_000);
afterAll(async () => t?.close());

describe('npx maillage delegation create', () => {
  it.each([
    ['--departments', withOption('--departments', '22,99'), /--departments : Département inconnu : « 99 »/],
    ['--admin-email', withOption('--admin-email', 'pas-une-adresse'), /--admin-email : L'adresse e-mail/],
    ['--slug', withOption('--slug', 'Bretagne Nord'), /--slug : L'identifiant doit compter/],
    ['--name', withOption('--name', '  '), /--name : Indiquez le nom/],
  ])(
    'refuses a bad %s with a French message naming it, exit 2, nothing written',
    async (_, argv, expected) => {
      const before = await counts();
      const run = await cli(...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(expected);
      expect(run.stdout).toBe('');
      expect(await counts()).toEqual(before);
      expect(t.sentMail).toHaveLength(0);
    },
  );

  it('names missing options, and says it in JSON with --json', async () => {
    const run = await cli('create', '--name', 'Sans identifiant', '--json');
    expect(run.code).toBe(2);
    const body = JSON.parse(run.stdout);
    expect(body.error.code).toBe('validation.failed');
    expect(body.error.fields.map((f: { option: string }) => f.option)).toEqual(['--slug', '--admin-email']);
    expect((await cli('delete', '--slug', 'x')).code).toBe(2);
  });

  it('creates the delegation, invites its administrator, and the administrator starts on an empty delegation', async () => {
    const run = await cli(...valid, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(Object.keys(body).sort()).toEqual(['delegation', 'invitationUrl']);
    expect(Object.keys(body.delegation).sort()).toEqual(['id', 'name', 'slug']);
    expect(body.delegation).toMatchObject({ slug: 'bretagne', name: 'Coorace Bretagne' });
    expect(body.invitationUrl).toMatch(new RegExp(`^${TEST_ORIGIN}/invitation/[\\w-]{20,}$`));

    const [mail] = t.sentMail;
    expect(mail?.to).toBe('admin.bretagne@example.org');
    expect(mail?.subject).toBe('Invitation à rejoindre Coorace Bretagne sur Maillage');
    expect(mail?.text).toContain(body.invitationUrl);

    const token = String(body.invitationUrl).split('/').pop();
    const accepted = await request(t, null, 'POST', `/api/invitations/${token}/accept`, {
      name: 'Anne Admin',
      password: 'un-mot-de-passe-solide',
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const cookie = await signIn(t, 'admin.bretagne@example.org', 'un-mot-de-passe-solide');
    const me = (await request(t, cookie, 'GET', '/api/me')).json();
    expect(me).toMatchObject({ role: 'admin', delegation: { id: body.delegation.id, slug: 'bretagne' } });
    const members = (await request(t, cookie, 'GET', '/api/members/organisations')).json();
    expect(members.total ?? members.items.length).toBe(0);

    const page = await request(t, null, 'GET', '/api/public/organisation?delegation=bretagne');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({
      delegation: {
        name: 'Coorace Bretagne',
        slug: 'bretagne',
        region: 'Bretagne',
        departmentsCovered: ['22', '29', '35', '56'],
        addresses: [],
        phone: null,
        email: null,
        website: null,
        missions: [],
        objectives: [],
        logoUrl: null,
      },
      board: [],
      staff: [],
    });

    // The slug is now taken: a second run is refused and writes nothing.
    const before = await counts();
    const again = await cli(...valid);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      "--slug : L'identifiant « bretagne » est déjà celui d'une autre délégation.",
    );
    expect(await counts()).toEqual(before);
  });
});
