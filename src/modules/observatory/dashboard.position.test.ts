import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { type Answer, createCampaignWithAnswers, createOrganisations } from './dashboard.fixture.ts';

let t: TestApp;
let staff: string;
let member: string;
let otherStaff: string;
let org: Record<string, string>;

// Exits of ten people, `dynamic` of them to a job or training: a rate of dynamic × 10 %.
const figures = (revenue: number, dynamic: number) => ({
  revenue,
  exitsTotal: 10,
  exitsDurable: dynamic,
  exitsTransition: 0,
  exitsPositive: 0,
  exitsOther: 10 - dynamic,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  org = await createOrganisations(t.database, a.id, ['CIBLE', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  member = (await signedInAs(t, { delegationId: a.id, role: 'member', organisationId: org.CIBLE })).cookie;
  otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  const peers: Answer[] = [1, 2, 3, 4, 5].map((n) => ({
    organisationId: org[`P${n}`]!,
    type: 'AI',
    department: '31',
    values: figures(n * 10, n),
  }));
  await createCampaignWithAnswers(t.database, a.id, { year: 2023 }, [
    { organisationId: org.CIBLE!, type: 'AI', department: '31', values: figures(30, 5) },
  ]);
  await createCampaignWithAnswers(t.database, a.id, { year: 2024, synthetic: true }, [
    { organisationId: org.CIBLE!, type: 'AI', department: '31', values: figures(35, 6) },
    { organisationId: org.CIBLE!, type: 'ACI', department: '31', values: { revenue: 500 } },
    { organisationId: org.P1!, type: 'ACI', department: '31', values: { revenue: 700 } },
    ...peers,
    // Waiting for validation: not a peer.
    { organisationId: org.P6!, type: 'AI', department: '31', status: 'submitted', values: figures(1000, 9) },
  ]);
});
afterAll(() => t.close());

const position = (cookie: string, organisationId: string, query = '') =>
  request(t, cookie, 'GET', `/api/observatory/position/${organisationId}${query}`);

describe('peer position', () => {
  it("gives the organisation's value and its peers' quartiles, computed by the database", async () => {
    const response = await position(staff, org.CIBLE!, '?year=2024&type=AI');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      organisation: { id: org.CIBLE, name: 'CIBLE' },
      year: 2024,
      conventionType: 'AI',
      synthetic: true,
      minPeers: 5,
    });
    const revenue = body.items.find((i: { code: string }) => i.code === 'revenue');
    expect(revenue).toEqual({
      code: 'revenue',
      label: 'Chiffre d’affaires',
      unit: 'euros',
      own: 35,
      peers: 5,
      quartilesHidden: false,
      q1: 20,
      median: 30,
      q3: 40,
    });
    const rate = body.items.find((i: { code: string }) => i.code === 'dynamicExitRate');
    expect(rate).toMatchObject({ unit: 'percent', own: 60, peers: 5, q1: 20, median: 30, q3: 40 });
    // Catalogue order: revenue (economy) before the exits.
    const codes = body.items.map((i: { code: string }) => i.code);
    expect(codes.indexOf('revenue')).toBeLessThan(codes.indexOf('exitsTotal'));
  });

  it('hides the quartiles below five peers and says so', async () => {
    const aci = (await position(staff, org.CIBLE!, '?year=2024&type=ACI')).json();
    expect(aci.items).toEqual([
      {
        code: 'revenue',
        label: 'Chiffre d’affaires',
        unit: 'euros',
        own: 500,
        peers: 1,
        quartilesHidden: true,
        q1: null,
        median: null,
        q3: null,
      },
    ]);
    const alone = (await position(staff, org.CIBLE!, '?year=2023&type=AI')).json();
    expect(alone.synthetic).toBe(false);
    expect(
      alone.items.every(
        (i: { quartilesHidden: boolean; peers: number }) => i.quartilesHidden && i.peers === 0,
      ),
    ).toBe(true);
  });

  it('defaults to the latest year answered and lists the answers to choose from', async () => {
    const body = (await position(member, org.CIBLE!)).json();
    expect(body).toMatchObject({ year: 2024, conventionType: 'ACI' });
    expect(body.answers).toEqual([
      { year: 2024, conventionType: 'ACI', synthetic: true },
      { year: 2024, conventionType: 'AI', synthetic: true },
      { year: 2023, conventionType: 'AI', synthetic: false },
    ]);
    const none = (await position(staff, org.CIBLE!, '?year=2020')).json();
    expect(none).toMatchObject({ year: 2020, conventionType: null, items: [] });
  });

  it('lets a member see its own organisation only', async () => {
    expect((await position(member, org.CIBLE!, '?year=2024&type=AI')).statusCode).toBe(200);
    const other = await position(member, org.P1!);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({
      code: 'observatory.position.own_only',
      message: 'Un adhérent ne consulte que la position de sa propre organisation parmi ses pairs.',
    });
  });

  it("does not reach another delegation's organisations, and checks its input", async () => {
    expect((await position(otherStaff, org.CIBLE!)).statusCode).toBe(404);
    const bad = await position(staff, 'pas-un-identifiant');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('params.organisationId');
    const badType = await position(staff, org.CIBLE!, '?type=XYZ');
    expect(badType.json().error.fields[0]).toMatchObject({
      field: 'querystring.type',
      code: 'validation.unknown_value',
    });
  });
});
