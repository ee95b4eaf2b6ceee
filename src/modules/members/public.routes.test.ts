import { beforeAll, describe, expect, it } from 'vitest';
import { type TenantContext, withTenant } from '../../db/client.ts';
import { routeWorld } from '../../test/route-world.ts';
import {
  addContact,
  addConvention,
  addEstablishment,
  createOrganisation,
  getOrganisation,
  updateMembership,
} from './members.service.ts';
import type { ConventionType } from './members.table.ts';

const w = routeWorld();

const staff = { role: 'staff' as const, organisationId: null };

/** Creates a member organisation with the service, as the back-office would. */
async function member(
  tenant: TenantContext,
  input: {
    name: string;
    postcode: string;
    city: string;
    types: ConventionType[];
    joinedOn?: string;
    leftOn?: string;
  },
) {
  return withTenant(w.t.database.db, tenant, async (tx) => {
    const { id } = await createOrganisation(tx, {
      name: input.name,
      establishment: { postcode: input.postcode, city: input.city, phone: '05 61 00 00 00' },
      conventionTypes: input.types,
      joinedOn: input.joinedOn ?? '2024-01-01',
    });
    const record = await getOrganisation(tx, staff, id);
    if (input.leftOn) await updateMembership(tx, record.memberships[0]?.id ?? '', { leftOn: input.leftOn });
    return { id, establishmentId: record.establishments[0]?.id ?? '' };
  });
}

beforeAll(async () => {
  const A = { delegationId: w.delegationId, userId: null };

  await member(A, { name: "INTER'EM", postcode: '31700', city: 'BLAGNAC', types: ['AI', 'ACI'] });
  const irisse = await member(A, {
    name: 'IRISSE',
    postcode: '09200',
    city: 'SAINT-GIRONS',
    types: ['AI', 'ACI', 'GES'],
  });
  const avie = await member(A, { name: 'AVIE', postcode: '31340', city: 'VILLEMUR SUR TARN', types: ['AI'] });
  const ailes = await member(A, { name: 'AILES', postcode: '31250', city: 'REVEL', types: [] });
  await member(A, {
    name: 'PARTI EN 2024',
    postcode: '12000',
    city: 'RODEZ',
    types: ['EI'],
    joinedOn: '2020-01-01',
    leftOn: '2024-06-30',
  });
  await member(A, {
    name: 'ANCIEN',
    postcode: '46000',
    city: 'CAHORS',
    types: ['ETTI'],
    joinedOn: '2019-01-01',
    leftOn: '2023-06-30',
  });
  await withTenant(w.t.database.db, A, async (tx) => {
    // AVIE: a second establishment with its own convention; AILES: one convention covering 31 and 81.
    const montauban = await addEstablishment(tx, avie.id, { postcode: '82000', city: 'MONTAUBAN' });
    await addConvention(tx, avie.id, { type: 'AI', establishmentId: montauban.id, departments: ['82'] });
    await addConvention(tx, ailes.id, {
      type: 'AI',
      establishmentId: ailes.establishmentId,
      departments: ['31', '81'],
    });
    await addContact(tx, irisse.id, {
      lastName: 'Secret',
      email: 'prive@example.org',
      purpose: 'test',
      consent: true,
    });
  });
  await member(
    { delegationId: w.otherDelegationId, userId: null },
    { name: 'AUTRE', postcode: '09000', city: 'FOIX', types: ['AI'] },
  );
});

const get = (url: string) => w.t.app.inject({ method: 'GET', url });
const structures = async (query: string) =>
  (await get(`/api/public/structures?delegation=${w.slug}&${query}`)).json();
const labels = (body: { items: { name: string; city: string }[] }) =>
  body.items.map((i) => `${i.name} (${i.city})`);

describe('GET /api/public/structures', () => {
  it('lists one entry per establishment of current members, to anyone', async () => {
    const response = await get(`/api/public/structures?delegation=${w.slug}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(5);
    expect(labels(body)).toEqual([
      'IRISSE (SAINT-GIRONS)',
      'AILES (REVEL)',
      'AVIE (VILLEMUR SUR TARN)',
      "INTER'EM (BLAGNAC)",
      'AVIE (MONTAUBAN)',
    ]);
  });

  it('shows public fields only', async () => {
    const { items } = await structures('q=irisse');
    expect(Object.keys(items[0]).sort()).toEqual(
      [
        'activities',
        'address',
        'city',
        'department',
        'email',
        'id',
        'listedUnder',
        'name',
        'organisationId',
        'phone',
        'postcode',
        'types',
        'website',
      ].sort(),
    );
    expect(JSON.stringify(items)).not.toContain('prive@example.org');
    expect(items[0]).toMatchObject({
      types: ['AI', 'ACI', 'GES'],
      department: '09',
      phone: '05 61 00 00 00',
    });
  });

  it('filters by department, including departments a convention covers', async () => {
    expect(labels(await structures('department=81'))).toEqual(['AILES (REVEL)']);
    expect(labels(await structures('department=82'))).toEqual(['AVIE (MONTAUBAN)']);
    expect((await structures('department=31')).total).toBe(3);
    expect((await structures('department=12')).total).toBe(0);
  });

  it('filters by type and searches names and cities without accents', async () => {
    expect(labels(await structures('type=GES'))).toEqual(['IRISSE (SAINT-GIRONS)']);
    expect((await structures('type=ACI')).total).toBe(2);
    expect(labels(await structures('q=saint%20girons'))).toEqual(['IRISSE (SAINT-GIRONS)']);
    expect(labels(await structures('q=Montauban'))).toEqual(['AVIE (MONTAUBAN)']);
  });

  it('speaks for the delegation asked for, and only for it', async () => {
    expect(labels(await (await get(`/api/public/structures?delegation=${w.otherSlug}`)).json())).toEqual([
      'AUTRE (FOIX)',
    ]);
    const unknown = await get('/api/public/structures?delegation=nulle-part');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('delegation.not_found');
  });
});

describe('the directory at federation scale', () => {
  it('answers pages with the total kept; without page, the whole directory as before', async () => {
    const all = await structures('');
    expect(Object.keys(all).sort()).toEqual(['items', 'total']);
    const first = await structures('page=1&pageSize=2');
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items).toEqual(all.items.slice(0, 2));
    expect((await structures('page=3&pageSize=2')).items).toEqual(all.items.slice(4));
    expect(await structures('page=4&pageSize=2')).toMatchObject({ items: [], total: 5 });
    expect(await structures('page=1')).toMatchObject({ total: 5, pageSize: 50 });
    // Filters apply before paging.
    expect(await structures('department=31&page=1&pageSize=1')).toMatchObject({ total: 3, pageSize: 1 });
    for (const bad of ['pageSize=201&page=1', 'page=0', 'page=un']) {
      const response = await get(`/api/public/structures?delegation=${w.slug}&${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.code).toBe('request.invalid');
    }
  });

  it('gives the map its counts without the directory: member organisations per department', async () => {
    const response = await get(`/api/public/structures/summary?delegation=${w.slug}`);
    expect(response.statusCode).toBe(200);
    // AILES is listed under 31 and 81 (its convention), AVIE under 31 and 82 (two establishments).
    expect(response.json()).toEqual({
      total: 5,
      organisations: 4,
      byDepartment: { '09': 1, '31': 3, '81': 1, '82': 1 },
    });
    expect((await get(`/api/public/structures/summary?delegation=${w.otherSlug}`)).json()).toEqual({
      total: 1,
      organisations: 1,
      byDepartment: { '09': 1 },
    });
  });

  it('searches department names and numbers, st/saint, postcodes and words across fields', async () => {
    expect(labels(await structures('q=ariege'))).toEqual(['IRISSE (SAINT-GIRONS)']);
    expect(labels(await structures('q=Ari%C3%A8ge'))).toEqual(['IRISSE (SAINT-GIRONS)']);
    expect(labels(await structures('q=09'))).toEqual(['IRISSE (SAINT-GIRONS)']);
    // Tarn (81, AILES's convention), a town on the Tarn, and Tarn-et-Garonne (82).
    expect(labels(await structures('q=Tarn'))).toEqual([
      'AILES (REVEL)',
      'AVIE (VILLEMUR SUR TARN)',
      'AVIE (MONTAUBAN)',
    ]);
    expect(labels(await structures('q=81'))).toEqual(['AILES (REVEL)']);
    for (const q of ['st girons', 'St-Girons', 'saint girons', 'ST GIRONS']) {
      expect(labels(await structures(`q=${encodeURIComponent(q)}`)), q).toEqual(['IRISSE (SAINT-GIRONS)']);
    }
    expect(labels(await structures('q=31250'))).toEqual(['AILES (REVEL)']);
    expect(labels(await structures('q=82000'))).toEqual(['AVIE (MONTAUBAN)']);
    expect(labels(await structures('q=avie%20montauban'))).toEqual(['AVIE (MONTAUBAN)']);
    expect(labels(await structures('q=irisse%20ariege%2009200'))).toEqual(['IRISSE (SAINT-GIRONS)']);
    expect((await structures('q=avie%20rodez')).total).toBe(0);
    expect((await structures('q=%3F%21')).total).toBe(0);
  });
});

describe('GET /api/public/stats/members', () => {
  it('counts conventions by the documented rule', async () => {
    const response = await get(`/api/public/stats/members?year=2024&delegation=${w.slug}`);
    expect(response.statusCode).toBe(200);
    // INTER'EM 2 (AI + ACI), IRISSE 1 (GES), AVIE 2 (31 + 82), AILES 1 (31, also covering 81),
    // PARTI EN 2024 1 (member until June); ANCIEN left in 2023.
    expect(response.json()).toEqual({
      year: 2024,
      total: 7,
      byType: { AI: 4, ACI: 1, EI: 1, GES: 1 },
      byDepartment: { '09': 1, '12': 1, '31': 4, '82': 1 },
    });
  });

  it('counts the members of another year, and defaults to the current one', async () => {
    const y2023 = (await get(`/api/public/stats/members?year=2023&delegation=${w.slug}`)).json();
    expect(y2023).toMatchObject({ total: 2, byType: { EI: 1, ETTI: 1 }, byDepartment: { '12': 1, '46': 1 } });
    const current = (await get(`/api/public/stats/members?delegation=${w.slug}`)).json();
    expect(current.year).toBe(new Date().getFullYear());
    expect(current.total).toBe(6);
    expect((await get(`/api/public/stats/members?year=2024&delegation=${w.otherSlug}`)).json().total).toBe(1);
  });

  it('refuses a year out of range', async () => {
    for (const year of ['1989', '2101', 'deux-mille']) {
      const response = await get(`/api/public/stats/members?year=${year}`);
      expect(response.statusCode, year).toBe(400);
      expect(response.json().error.code).toBe('request.invalid');
    }
  });
});
