import { beforeAll, describe, expect, it } from 'vitest';
import { callerAs, expectFieldError, routeWorld } from '../../test/route-world.ts';

const w = routeWorld();

const users: Record<'staff' | 'member' | 'otherStaff', { cookie: string }> = {} as never;
const ids: Record<string, string> = {};

const call = callerAs(() => w.t, users);

async function create(as: 'staff' | 'otherStaff', body: Record<string, unknown>): Promise<string> {
  const response = await call(as, 'POST', '/api/members/organisations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const directory = async (query: string) =>
  (await call(null, 'GET', `/api/public/structures?${query}`)).json();
const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

beforeAll(async () => {
  Object.assign(users, w.users);

  ids.chorus = await create('staff', {
    name: 'CHORUS',
    establishment: { postcode: '31000', city: 'TOULOUSE' },
    conventionTypes: ['AI'],
    joinedOn: '2020-01-01',
    activities: ['  Services à la personne ', 'Ménage', 'services a la PERSONNE'],
  });
  ids.bati = await create('staff', {
    name: 'BATI +',
    establishment: { postcode: '09600', city: 'LE PEYRAT' },
    conventionTypes: ['ACI'],
    joinedOn: '2020-01-01',
    activities: ['Bâtiment', 'Services a la personne'],
  });
  ids.jardins = await create('staff', {
    name: 'JARDINS',
    establishment: { postcode: '31250', city: 'REVEL' },
    conventionTypes: ['ACI'],
    joinedOn: '2020-01-01',
    activities: ['Services à la personne', 'Maraîchage'],
  });
  ids.other = await create('otherStaff', {
    name: 'AILLEURS',
    establishment: { postcode: '81000', city: 'ALBI' },
    conventionTypes: ['AI'],
    joinedOn: '2020-01-01',
    activities: ['Recyclerie'],
  });
  users.member = await w.signedIn('member', ids.bati);
});

describe('activities of an organisation', () => {
  it('are kept trimmed, as typed, without repeats that differ by case or accents', async () => {
    const record = (await call('staff', 'GET', `/api/members/organisations/${ids.chorus}`)).json();
    expect(record.activities).toEqual(['Services à la personne', 'Ménage']);
    const list = (await call('staff', 'GET', '/api/members/organisations?q=chorus')).json();
    expect(list.items[0].activities).toEqual(['Services à la personne', 'Ménage']);
  });

  it('default to none', async () => {
    const id = await create('staff', {
      name: 'SANS TAG',
      establishment: { postcode: '31700', city: 'BLAGNAC' },
    });
    expect((await call('staff', 'GET', `/api/members/organisations/${id}`)).json().activities).toEqual([]);
  });

  it('can be changed by the member user of the organisation', async () => {
    const edited = await call('member', 'PATCH', `/api/members/organisations/${ids.bati}`, {
      activities: ['Bâtiment', 'Second œuvre', 'Services a la personne'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().activities).toEqual(['Bâtiment', 'Second œuvre', 'Services a la personne']);
    // Another field in the same request is still refused.
    const refused = await call('member', 'PATCH', `/api/members/organisations/${ids.bati}`, {
      activities: [],
      note: 'x',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ field: 'note' })]);
    // and the member cannot touch another organisation's tags.
    const other = await call('member', 'PATCH', `/api/members/organisations/${ids.chorus}`, {
      activities: [],
    });
    expect(other.statusCode).toBe(404);
  });

  it('are refused with a French message naming each bad tag', async () => {
    const response = await call('staff', 'PATCH', `/api/members/organisations/${ids.chorus}`, {
      activities: ['Ménage', 'x', '--', 'a'.repeat(81)],
    });
    expect(response.statusCode).toBe(422);
    const fields = response.json().error.fields;
    expect(fields.map((f: { field: string }) => f.field)).toEqual([
      'activities.1',
      'activities.2',
      'activities.3',
    ]);
    expect(fields[0]).toMatchObject({
      code: 'members.activity_invalid',
      message: expect.stringMatching(/entre 2 et 80 caractères/),
    });

    const tooMany = await call('staff', 'PATCH', `/api/members/organisations/${ids.chorus}`, {
      activities: Array.from({ length: 21 }, (_, i) => `Activité ${i}`),
    });
    expectFieldError(tooMany, 422, {
      field: 'activities',
      code: 'members.activities_too_many',
      message: expect.stringMatching(/au plus 20/),
    });
    // Nothing was written.
    const record = (await call('staff', 'GET', `/api/members/organisations/${ids.chorus}`)).json();
    expect(record.activities).toEqual(['Services à la personne', 'Ménage']);

    const created = await call('staff', 'POST', '/api/members/organisations', {
      name: 'MAUVAIS TAG',
      establishment: { postcode: '31700', city: 'BLAGNAC' },
      activities: ['ok', ' x '],
    });
    expectFieldError(created, 422, { field: 'activities.1' });
  });
});

describe('staff list', () => {
  it('finds organisations by a word of their activities, accents aside', async () => {
    const response = await call('staff', 'GET', '/api/members/organisations?q=maraichage');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((i: { name: string }) => i.name)).toEqual(['JARDINS']);
  });
});

describe('public directory', () => {
  it('filters by activity regardless of case and accents, and shows the tags', async () => {
    const body = await directory(
      `delegation=${w.slug}&activity=${encodeURIComponent('SERVICES A LA PERSONNE')}`,
    );
    expect(names(body).sort()).toEqual(['BATI +', 'CHORUS', 'JARDINS']);
    expect(body.items.find((i: { name: string }) => i.name === 'CHORUS').activities).toEqual([
      'Services à la personne',
      'Ménage',
    ]);
    expect(names(await directory(`delegation=${w.slug}&activity=menage`))).toEqual(['CHORUS']);
    expect(names(await directory(`delegation=${w.slug}&activity=Recyclerie`))).toEqual([]);
    // Combined with the other filters.
    expect(
      names(await directory(`delegation=${w.slug}&activity=services%20a%20la%20personne&type=AI`)),
    ).toEqual(['CHORUS']);
  });

  it('finds organisations by a word of their activities', async () => {
    expect(names(await directory(`delegation=${w.slug}&q=maraichage`))).toEqual(['JARDINS']);
  });

  it('lists current members’ activities with counts, spelt as most members spell them', async () => {
    const response = await call(null, 'GET', `/api/public/activities?delegation=${w.slug}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { label: 'Bâtiment', count: 1 },
      { label: 'Maraîchage', count: 1 },
      { label: 'Ménage', count: 1 },
      { label: 'Second œuvre', count: 1 },
      { label: 'Services à la personne', count: 3 },
    ]);
  });

  it('keeps each delegation to its own activities', async () => {
    const b = await call(null, 'GET', `/api/public/activities?delegation=${w.otherSlug}`);
    expect(b.json().items).toEqual([{ label: 'Recyclerie', count: 1 }]);
    expect(names(await directory(`delegation=${w.otherSlug}&activity=menage`))).toEqual([]);
  });

  it('sees a change of activities at once, despite the cache', async () => {
    const before = await call(null, 'GET', `/api/public/activities?delegation=${w.slug}`);
    expect(before.json().items.map((i: { label: string }) => i.label)).not.toContain('Jardinage');
    await call('staff', 'PATCH', `/api/members/organisations/${ids.jardins}`, {
      activities: ['Jardinage'],
    });
    const after = await call(null, 'GET', `/api/public/activities?delegation=${w.slug}`);
    expect(after.json().items).toContainEqual({ label: 'Jardinage', count: 1 });
    expect(names(await directory(`delegation=${w.slug}&activity=jardinage`))).toEqual(['JARDINS']);
  });
});
