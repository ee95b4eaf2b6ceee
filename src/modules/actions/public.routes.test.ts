import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';

let t: TestApp;
let staff: string;
let board: string;
let ownMember: string;
const ids: Record<string, string> = {};
const slugs = { a: 'agenda-a', b: 'agenda-b' };

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database, slugs.a);
  const b = await createDelegation(t.database, slugs.b);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  const otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  for (const [key, name] of [
    ['chorus', 'CHORUS'],
    ['regain', 'REGAIN'],
  ] as const) {
    const created = await request(t, staff, 'POST', '/api/members/organisations', {
      name,
      establishment: { postcode: '12300' },
      conventionTypes: ['AI'],
      joinedOn: '2024-01-01',
    });
    ids[key] = created.json().id;
  }
  ownMember = (await signedInAs(t, { delegationId: a.id, role: 'member', organisationId: ids.chorus }))
    .cookie;
  const partner = (
    await request(t, staff, 'POST', '/api/partners', { name: 'Région', kind: 'region' })
  ).json();
  const create = async (cookie: string, body: object) => {
    const response = await request(t, cookie, 'POST', '/api/actions', body);
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().id as string;
  };
  ids.public = await create(staff, {
    title: 'Journée régionale',
    kind: 'regional_day',
    startsOn: '2024-05-16',
    town: 'Toulouse',
    department: '31',
    visibility: 'public',
    summary: 'Ouverte à tous.',
    objectives: ['Objectif interne'],
    source: 'Rapport 2024, p. 12',
    capacity: 120,
    partners: [{ partnerId: partner.id, role: 'funder' }],
    members: [{ organisationId: ids.chorus, role: 'host' }],
  });
  ids.internal = await create(staff, {
    title: 'Réunion interne CHORUS',
    kind: 'support',
    startsOn: '2024-03-04',
    members: [{ organisationId: ids.chorus, role: 'participant' }],
  });
  ids.regainOnly = await create(staff, {
    title: 'Visite REGAIN',
    kind: 'support',
    startsOn: '2023-10-02',
    members: [{ organisationId: ids.regain, role: 'host' }],
  });
  await create(otherStaff, {
    title: 'Action de la délégation B',
    kind: 'workshop',
    startsOn: '2024-05-20',
    visibility: 'public',
  });
});
afterAll(() => t.close());

describe('public agenda', () => {
  it('shows public actions only, with public fields only, without signing in', async () => {
    const response = await request(t, null, 'GET', `/api/public/actions?delegation=${slugs.a}&year=2024`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ year: 2024, total: 1 });
    const may = body.months[4];
    expect(may).toMatchObject({ month: 5, count: 1 });
    expect(may.actions[0]).toEqual({
      id: ids.public,
      title: 'Journée régionale',
      kind: 'regional_day',
      startsOn: '2024-05-16',
      endsOn: '2024-05-16',
      datePrecision: 'day',
      startTime: null,
      endTime: null,
      themes: [],
      missions: [],
      online: false,
      town: 'Toulouse',
      department: '31',
      participantsCount: null,
      participantsQualifier: 'exact',
      summary: 'Ouverte à tous.',
      partners: [{ name: 'Région', role: 'funder' }],
      members: [{ name: 'CHORUS', role: 'host' }],
    });
    expect(response.body).not.toContain('Réunion interne');
    expect(response.body).not.toContain('Objectif interne');
    expect(response.body).not.toContain('Rapport 2024');
  });

  it('speaks for one delegation at a time', async () => {
    const b = await request(t, null, 'GET', `/api/public/actions?delegation=${slugs.b}&year=2024`);
    expect(b.json().total).toBe(1);
    expect(b.json().months[4].actions[0].title).toBe('Action de la délégation B');
    expect(b.body).not.toContain('Journée régionale');
    const unknown = await request(t, null, 'GET', '/api/public/actions?delegation=nulle-part&year=2024');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('delegation.not_found');
  });
});

describe("a member organisation's actions", () => {
  it('lists the actions an organisation took part in, by year, with its role', async () => {
    const all = await request(t, board, 'GET', `/api/members/organisations/${ids.chorus}/actions`);
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((a: { title: string; role: string }) => [a.title, a.role])).toEqual([
      ['Journée régionale', 'host'],
      ['Réunion interne CHORUS', 'participant'],
    ]);
    const year = await request(t, staff, 'GET', `/api/members/organisations/${ids.regain}/actions?year=2024`);
    expect(year.json()).toEqual({ year: 2024, items: [] });
    const before = await request(
      t,
      staff,
      'GET',
      `/api/members/organisations/${ids.regain}/actions?year=2023`,
    );
    expect(before.json().items.map((a: { id: string }) => a.id)).toEqual([ids.regainOnly]);
  });

  it("shows a member user its own organisation's actions and no other's", async () => {
    const own = await request(
      t,
      ownMember,
      'GET',
      `/api/members/organisations/${ids.chorus}/actions?year=2024`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(2);
    const other = await request(t, ownMember, 'GET', `/api/members/organisations/${ids.regain}/actions`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Visite REGAIN');
    // The back-office list stays closed to member users.
    expect((await request(t, ownMember, 'GET', '/api/actions')).statusCode).toBe(403);
    expect((await request(t, ownMember, 'GET', `/api/actions/${ids.internal}`)).statusCode).toBe(403);
  });

  it('answers 404 for an organisation of another delegation', async () => {
    const otherStaff = (
      await signedInAs(t, { delegationId: (await createDelegation(t.database)).id, role: 'staff' })
    ).cookie;
    const response = await request(t, otherStaff, 'GET', `/api/members/organisations/${ids.chorus}/actions`);
    expect(response.statusCode).toBe(404);
  });
});
