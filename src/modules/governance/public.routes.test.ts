import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, signedInAs, type TestApp } from '../../test/app.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { boardMandates, staffMembers } from './governance.table.ts';
import type { PublicOrganisation } from './public.routes.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

async function organisation(query = ''): Promise<PublicOrganisation> {
  const response = await t.app.inject({ method: 'GET', url: `/api/public/organisation${query}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('GET /api/public/organisation', () => {
  it('gives the demo delegation, its 17 board members with their roles and its 5 staff, without sign-in', async () => {
    const body = await organisation();
    expect(body.delegation).toMatchObject({
      name: 'Coorace Occitanie',
      slug: 'occitanie',
      region: 'Occitanie',
      phone: '09 62 50 66 45',
      email: 'contact@cooraceoccitanie.org',
      website: 'www.cooraceoccitanie.org',
    });
    expect(body.delegation.departmentsCovered).toHaveLength(13);
    expect(body.delegation.addresses.map((a) => a.city)).toEqual(['Ramonville Saint-Agne', 'Montpellier']);
    expect(body.delegation.missions.map((m) => m.code)).toContain('accompagner');
    expect(body.delegation.objectives.length).toBeGreaterThanOrEqual(12);

    expect(body.board).toHaveLength(17);
    const president = body.board.find((m) => m.lastName === 'RICCI');
    expect(president).toEqual({
      firstName: 'Sylvia',
      lastName: 'RICCI',
      role: 'president',
      organisationName: 'CHORUS',
      department: '12',
      nationalRepresentative: true,
      electedOn: '2024-05-16',
    });
    const roles = body.board.map((m) => m.role);
    expect(roles.filter((r) => r === null)).toHaveLength(12);
    expect(new Set(roles)).toEqual(
      new Set(['president', 'vice_president', 'treasurer', 'secretary', 'bureau_member', null]),
    );
    // Affiliations stay as printed, misspellings included.
    expect(body.board.map((m) => m.organisationName)).toContain('LE TREMLIN');
    expect(body.board.filter((m) => m.nationalRepresentative).map((m) => m.lastName)).toEqual(
      expect.arrayContaining(['MUNICH', 'RICCI']),
    );

    expect(body.staff).toHaveLength(5);
    expect(body.staff[0]).toEqual({
      firstName: 'Nicolas',
      lastName: 'IMBERDIS',
      jobTitle: 'secrétaire général',
    });
  });

  it('lets no private field through', async () => {
    const { delegation } = await organisation();
    await withTenant(t.database.db, { delegationId: await demoId(), userId: null }, async (tx) => {
      // A staff e-mail is personal data the public page has no purpose for.
      await tx.update(staffMembers).set({ email: 'n.imberdis@example.org' });
    });
    const response = await t.app.inject({ method: 'GET', url: '/api/public/organisation' });
    const text = response.body;
    expect(text).not.toContain('n.imberdis@example.org');
    expect(text).not.toContain('@demo.maillage.fr');
    const body = response.json() as Record<string, Record<string, unknown>[]>;
    for (const person of [...(body.board ?? []), ...(body.staff ?? [])]) {
      for (const key of [
        'id',
        'email',
        'organisationId',
        'createdAt',
        'updatedAt',
        'delegationId',
        'position',
      ])
        expect(person).not.toHaveProperty(key);
    }
    expect(Object.keys(delegation).sort()).toEqual(
      [
        'addresses',
        'departmentsCovered',
        'email',
        'logoUrl',
        'missions',
        'name',
        'objectives',
        'phone',
        'region',
        'slug',
        'website',
      ].sort(),
    );
  });

  it('leaves ended mandates out of the current board', async () => {
    await withTenant(t.database.db, { delegationId: await demoId(), userId: null }, async (tx) => {
      await tx.insert(boardMandates).values({
        firstName: 'Ancien',
        lastName: 'ADMINISTRATEUR',
        organisationName: 'CHORUS',
        electedOn: '2020-05-01',
        endsOn: '2023-05-01',
      });
    });
    const body = await organisation();
    expect(body.board).toHaveLength(17);
    expect(body.board.map((m) => m.lastName)).not.toContain('ADMINISTRATEUR');
  });

  it('answers the same to a signed-in caller, and speaks for the delegation named in the query', async () => {
    const other = await createDelegation(t.database);
    const { cookie } = await signedInAs(t, { delegationId: other.id, role: 'staff' });
    const signedIn = await t.app.inject({
      method: 'GET',
      url: '/api/public/organisation',
      headers: { cookie },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().delegation.slug).toBe('occitanie');

    const empty = await organisation(`?delegation=${other.slug}`);
    expect(empty.delegation.name).toBe(`Délégation ${other.slug}`);
    expect(empty.board).toEqual([]);
    expect(empty.staff).toEqual([]);

    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/organisation?delegation=nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('delegation.not_found');
  });
});

async function demoId(): Promise<string> {
  const [row] = await t.database.db.select().from(delegations).where(eq(delegations.slug, 'occitanie'));
  if (!row) throw new Error('no demo delegation');
  return row.id;
}
