import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { expectFieldError } from '../../test/route-world.ts';
import { createCampaignWithAnswers, createOrganisations } from './dashboard.fixture.ts';
import { dashboardSchema } from './dashboard.schemas.ts';

let t: TestApp;
let staff: string;
let board: string;
let member: string;
let otherStaff: string;

const exits = (total: number, durable: number, transition: number, positive: number) => ({
  exitsTotal: total,
  exitsDurable: durable,
  exitsTransition: transition,
  exitsPositive: positive,
  exitsOther: total - durable - transition - positive,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  const org = await createOrganisations(t.database, a.id, ['A1', 'A2', 'A3', 'C4', 'P5', 'D6']);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  member = (await signedInAs(t, { delegationId: a.id, role: 'member', organisationId: org.A1 })).cookie;
  otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  // 2023, worked out by hand: validated AI 100 + 200 in 31, 300 in 46; ACI 1000 (C4) + 50 (A1) in 31.
  await createCampaignWithAnswers(t.database, a.id, { year: 2023 }, [
    {
      organisationId: org.A1!,
      type: 'AI',
      department: '31',
      values: { revenue: 100, ...exits(10, 2, 3, 1) },
    },
    { organisationId: org.A2!, type: 'AI', department: '31', values: { revenue: 200 } },
    { organisationId: org.A3!, type: 'AI', department: '46', values: { revenue: 300 } },
    {
      organisationId: org.C4!,
      type: 'ACI',
      department: '31',
      values: { revenue: 1000, ...exits(5, 1, 0, 1) },
    },
    { organisationId: org.A1!, type: 'ACI', department: '31', values: { revenue: 50 } },
    // Not validated: counted only when asked for (submitted), never as a draft.
    { organisationId: org.P5!, type: 'AI', department: '31', status: 'submitted', values: { revenue: 5000 } },
    { organisationId: org.D6!, type: 'AI', department: '31', status: 'draft', values: { revenue: 7000 } },
  ]);
  // A synthetic year: flagged, never added to the real ones.
  await createCampaignWithAnswers(t.database, a.id, { year: 2025, synthetic: true }, [
    { organisationId: org.A1!, type: 'AI', department: '31', values: { revenue: 999 } },
  ]);
  // The other delegation has its own answers, which A never sees.
  const own = await createOrganisations(t.database, b.id, ['B1']);
  await createCampaignWithAnswers(t.database, b.id, { year: 2023 }, [
    { organisationId: own.B1!, type: 'AI', department: '31', values: { revenue: 123456 } },
  ]);
  const declare = (year: number, code: string, value: number, qualifier = 'exact') =>
    request(t, staff, 'PUT', `/api/observatory/declared/${year}/${code}`, {
      value,
      qualifier,
      label: `${code} publié pour ${year}`,
      source: `Observatoire ${year + 1}`,
    });
  expect((await declare(2022, 'revenue', 1500, 'about')).statusCode).toBe(201);
  // 2023 has answers: its declared figure stays in the declared list, off the series.
  expect((await declare(2023, 'revenue', 99999)).statusCode).toBe(201);
  expect((await declare(2022, 'membersAnswering', 3)).statusCode).toBe(201);
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => request(t, cookie, 'GET', url);

describe('observatory dashboard', () => {
  it('sums validated answers by year, type and type × department, with count and median', async () => {
    const response = await get(board, '/api/observatory/dashboard?indicators=revenue&to=2024');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ counted: ['validated'], synthetic: false });
    const [revenue] = body.indicators;
    expect(revenue).toMatchObject({ code: 'revenue', label: 'Chiffre d’affaires', unit: 'euros' });
    expect(revenue.totals).toEqual([
      expect.objectContaining({ year: 2022, source: 'declared', value: 1500, qualifier: 'about' }),
      { source: 'computed', year: 2023, value: 1650, answers: 5, synthetic: false },
    ]);
    expect(revenue.byType).toEqual([
      { source: 'computed', year: 2023, conventionType: 'ACI', value: 1050, answers: 2, synthetic: false },
      { source: 'computed', year: 2023, conventionType: 'AI', value: 600, answers: 3, synthetic: false },
    ]);
    expect(revenue.cells).toEqual([
      {
        year: 2023,
        conventionType: 'ACI',
        department: '31',
        synthetic: false,
        value: 1050,
        answers: 2,
        median: 525,
      },
      {
        year: 2023,
        conventionType: 'AI',
        department: '31',
        synthetic: false,
        value: 300,
        answers: 2,
        median: 150,
      },
      {
        year: 2023,
        conventionType: 'AI',
        department: '46',
        synthetic: false,
        value: 300,
        answers: 1,
        median: 300,
      },
    ]);
  });

  it('labels declared points with their source and uses them only for years without answers', async () => {
    const body = (
      await get(staff, '/api/observatory/dashboard?indicators=revenue,membersAnswering&to=2024')
    ).json();
    const declared = body.indicators[0].totals.filter((p: { source: string }) => p.source === 'declared');
    expect(declared).toEqual([
      {
        source: 'declared',
        year: 2022,
        value: 1500,
        synthetic: false,
        qualifier: 'about',
        label: 'revenue publié pour 2022',
        citation: 'Observatoire 2023',
      },
    ]);
    // Members answering: declared 3 in 2022, computed 4 distinct organisations in 2023 (A1 answers twice).
    const members = body.indicators[1];
    expect(
      members.totals.map((p: { year: number; value: number; source: string }) => [p.year, p.value, p.source]),
    ).toEqual([
      [2022, 3, 'declared'],
      [2023, 4, 'computed'],
    ]);
    expect(
      members.byType.map((p: { conventionType: string; value: number }) => [p.conventionType, p.value]),
    ).toEqual([
      ['ACI', 2],
      ['AI', 3],
    ]);
    // A department is not what an all-types, all-departments figure describes.
    const inDepartment = (
      await get(staff, '/api/observatory/dashboard?indicators=revenue&department=31&to=2024')
    ).json();
    expect(inDepartment.indicators[0].totals).toEqual([
      { source: 'computed', year: 2023, value: 1350, answers: 4, synthetic: false },
    ]);
  });

  it('filters by type and department, and counts submitted answers only when asked', async () => {
    const ai31 = (
      await get(staff, '/api/observatory/dashboard?indicators=revenue&type=AI&department=31&to=2024')
    ).json();
    expect(ai31.indicators[0].totals).toEqual([
      { source: 'computed', year: 2023, value: 300, answers: 2, synthetic: false },
    ]);
    const withSubmitted = (
      await get(staff, '/api/observatory/dashboard?indicators=revenue&from=2023&to=2023&include=submitted')
    ).json();
    expect(withSubmitted.counted).toEqual(['validated', 'submitted']);
    // 1650 + the submitted 5000; the draft's 7000 never counts.
    expect(withSubmitted.indicators[0].totals).toEqual([
      { source: 'computed', year: 2023, value: 6650, answers: 6, synthetic: false },
    ]);
  });

  it('flags synthetic years and never adds them to real ones', async () => {
    const body = (await get(staff, '/api/observatory/dashboard?indicators=revenue&from=2023')).json();
    expect(body.synthetic).toBe(true);
    expect(body.indicators[0].totals).toEqual([
      { source: 'computed', year: 2023, value: 1650, answers: 5, synthetic: false },
      { source: 'computed', year: 2025, value: 999, answers: 1, synthetic: true },
    ]);
    expect(body.indicators[0].cells.filter((c: { synthetic: boolean }) => c.synthetic)).toHaveLength(1);
  });

  it('answers the shape its schema documents, though sent from the cache without serialising', async () => {
    // Declared, computed and derived points, cells and exit rates: every kind of point.
    const body = (
      await get(staff, '/api/observatory/dashboard?indicators=revenue,membersAnswering,persons&to=2024')
    ).json();
    expect(body.indicators[0].totals.length).toBeGreaterThan(0);
    // Parsing strips undeclared fields: equal means the schema declares every field sent.
    expect(dashboardSchema.parse(body)).toEqual(body);
  });

  it('computes dynamic exits and their rate by year and by type', async () => {
    const body = (await get(staff, '/api/observatory/dashboard?indicators=persons&to=2024')).json();
    expect(body.dynamicExits.byYear).toEqual([
      { year: 2023, synthetic: false, dynamic: 8, total: 15, rate: 8 / 15 },
    ]);
    expect(body.dynamicExits.byType).toEqual([
      { year: 2023, conventionType: 'ACI', synthetic: false, dynamic: 2, total: 5, rate: 0.4 },
      { year: 2023, conventionType: 'AI', synthetic: false, dynamic: 6, total: 10, rate: 0.6 },
    ]);
  });

  it('refuses unknown indicators and bad filters with French messages on the field', async () => {
    const unknown = await get(staff, '/api/observatory/dashboard?indicators=revenue,chiffreMagique');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      {
        field: 'querystring.indicators',
        code: 'observatory.dashboard.unknown_indicator',
        message: 'Indicateur inconnu : chiffreMagique.',
      },
    ]);
    const inverted = await get(staff, '/api/observatory/dashboard?indicators=revenue&from=2025&to=2023');
    expectFieldError(inverted, 400, {
      field: 'querystring.from',
      code: 'observatory.dashboard.range_invalid',
    });
    const badYear = await get(staff, '/api/observatory/dashboard?indicators=revenue&from=deux-mille');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.fields[0].field).toBe('querystring.from');
    const noIndicator = await get(staff, '/api/observatory/dashboard');
    expectFieldError(noIndicator, 400, { field: 'querystring.indicators', code: 'validation.required' });
    expect(
      (await get(staff, '/api/observatory/dashboard?indicators=revenue&department=999')).statusCode,
    ).toBe(400);
  });

  it('is for the team and the board: members are refused, other delegations see nothing of it', async () => {
    expect((await get(member, '/api/observatory/dashboard?indicators=revenue')).statusCode).toBe(403);
    expect((await request(t, null, 'GET', '/api/observatory/dashboard?indicators=revenue')).statusCode).toBe(
      401,
    );
    const other = (
      await get(otherStaff, '/api/observatory/dashboard?indicators=revenue,membersAnswering')
    ).json();
    expect(other.indicators[0].totals).toEqual([
      { source: 'computed', year: 2023, value: 123456, answers: 1, synthetic: false },
    ]);
    expect(other.indicators[1].totals).toEqual([
      { source: 'computed', year: 2023, value: 1, answers: 1, synthetic: false },
    ]);
  });

  it('offers the indicators, years, types and departments to choose from', async () => {
    const body = (await get(board, '/api/observatory/dashboard/options')).json();
    expect(body.indicators.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['revenue', 'persons', 'exitsTotal', 'membersAnswering']),
    );
    expect(body).toMatchObject({
      years: [2022, 2023, 2025],
      syntheticYears: [2025],
      declaredYears: [2022, 2023],
      types: ['AI', 'ACI'],
      departments: ['31', '46'],
    });
    expect(body.respondents.map((r: { name: string }) => r.name)).toEqual(['A1', 'A2', 'A3', 'C4', 'P5']);
    expect((await get(member, '/api/observatory/dashboard/options')).statusCode).toBe(403);
  });
});
