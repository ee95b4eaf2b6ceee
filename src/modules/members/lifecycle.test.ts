import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { todayInFrance } from './members.queries.ts';

/**
 * Membership lifecycle: a new organisation is a prospect ("non adhérent") until a join
 * date is recorded; only current members reach the public directory and the counts;
 * ending a membership keeps its period in the record.
 */
let t: TestApp;
let slug: string;
let staff: { cookie: string };
const year = Number(todayInFrance().slice(0, 4));

function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: staff.cookie, origin: TEST_ORIGIN },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function create(name: string, joinedOn?: string): Promise<string> {
  const response = await call('POST', '/api/members/organisations', {
    name,
    establishment: { postcode: '09000', city: 'FOIX', phone: '05 61 00 00 00' },
    conventionTypes: ['ACI'],
    ...(joinedOn ? { joinedOn } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const record = async (id: string) => (await call('GET', `/api/members/organisations/${id}`)).json();
const directory = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/public/structures?delegation=${slug}` })).json() as {
    items: { name: string }[];
  };
const directoryNames = async () => (await directory()).items.map((i) => i.name);
const stats = async () =>
  (
    await t.app.inject({ method: 'GET', url: `/api/public/stats/members?delegation=${slug}&year=${year}` })
  ).json() as { total: number; byType: Record<string, number> };
const listNames = async (membership: string) =>
  (
    (await call('GET', `/api/members/organisations?membership=${membership}`)).json() as {
      items: { name: string }[];
    }
  ).items.map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  slug = delegation.slug;
  staff = await signedInAs(t, { delegationId: delegation.id, role: 'staff' });
});

afterAll(async () => {
  await t?.close();
});

describe('membership lifecycle', () => {
  it('creates an organisation without a join date as a prospect, out of the directory and the counts', async () => {
    const before = await stats();
    const id = await create('PROSPECT SANS DATE');

    const body = await record(id);
    expect(body.membership).toBe('none');
    expect(body.memberships).toEqual([]);
    expect(await directoryNames()).not.toContain('PROSPECT SANS DATE');
    expect(await stats()).toEqual(before);
    // Staff still find it, under its own filter rather than among the members.
    expect(await listNames('none')).toContain('PROSPECT SANS DATE');
    expect(await listNames('current')).not.toContain('PROSPECT SANS DATE');
    expect(await listNames('all')).toContain('PROSPECT SANS DATE');
  });

  it('creates an organisation with a join date as a member, in the directory and the counts', async () => {
    const before = await stats();
    const id = await create('MEMBRE DATÉ', `${year}-01-02`);

    const body = await record(id);
    expect(body.membership).toBe('current');
    expect(body.memberships).toMatchObject([
      { joinedOn: `${year}-01-02`, knownFrom: `${year}-01-02`, leftOn: null },
    ]);
    expect(await directoryNames()).toContain('MEMBRE DATÉ');
    const after = await stats();
    expect(after.total).toBe(before.total + 1);
    expect(after.byType.ACI).toBe((before.byType.ACI ?? 0) + 1);
    expect(await listNames('none')).not.toContain('MEMBRE DATÉ');
  });

  it('makes a prospect a member when its membership is recorded later', async () => {
    const id = await create('PROSPECT PUIS ADHÉRENT');
    expect(await directoryNames()).not.toContain('PROSPECT PUIS ADHÉRENT');
    const before = await stats();

    const joined = await call('POST', `/api/members/organisations/${id}/memberships`, {
      joinedOn: `${year}-01-03`,
    });
    expect(joined.statusCode, joined.body).toBe(201);

    expect((await record(id)).membership).toBe('current');
    expect(await directoryNames()).toContain('PROSPECT PUIS ADHÉRENT');
    expect((await stats()).total).toBe(before.total + 1);
  });

  it('ends a membership and keeps its period in the record', async () => {
    const id = await create('ADHÉRENT PUIS PARTI', '2020-03-01');
    const [period] = (await record(id)).memberships;
    const ended = await call('PATCH', `/api/members/memberships/${period.id}`, {
      leftOn: `${year - 1}-12-31`,
      leaveReason: 'Fin d’activité',
    });
    expect(ended.statusCode, ended.body).toBe(200);

    const body = await record(id);
    expect(body.membership).toBe('former');
    expect(body.memberships).toMatchObject([
      { id: period.id, joinedOn: '2020-03-01', knownFrom: '2020-03-01', leftOn: `${year - 1}-12-31` },
    ]);
    expect(await directoryNames()).not.toContain('ADHÉRENT PUIS PARTI');
    expect(await listNames('former')).toContain('ADHÉRENT PUIS PARTI');
    // The years it was a member still count it; the current year no longer does.
    const past = (
      await t.app.inject({ method: 'GET', url: `/api/public/stats/members?delegation=${slug}&year=2021` })
    ).json();
    expect(past.total).toBe(1);
  });
});
