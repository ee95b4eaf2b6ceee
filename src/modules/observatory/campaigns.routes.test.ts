import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { expectFieldError, fieldNames } from '../../test/route-world.ts';
import { buildWorld, caller, goodValuesFor, openCampaign, type World } from './campaigns.fixtures.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';

let t: TestApp;
let world: World;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
  call = caller(t, world);
});
afterAll(() => t.close());

const newCampaign = (year: number, extra: object = {}) =>
  call('staff', 'POST', '/api/observatory/campaigns', {
    year,
    title: `Observatoire ${year}`,
    opensOn: `${year + 1}-01-15`,
    deadline: `${year + 1}-03-31`,
    ...extra,
  });

describe('campaign lifecycle and catalogue', () => {
  let first: string;

  it('creates the first campaign as a draft with the default catalogue', async () => {
    const created = await newCampaign(2022);
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    first = body.id;
    expect(body).toMatchObject({ year: 2022, status: 'draft', copiedFrom: null, lastReminderOn: null });
    expect(body.indicators.map((i: { code: string }) => i.code)).toEqual(
      DEFAULT_INDICATORS.map((i) => i.code),
    );
    expect(body.indicators.find((i: { code: string }) => i.code === 'etpPathway').rules).toContainEqual({
      kind: 'ratio',
      of: 'hoursPaid',
      divisor: 1607,
      tolerance: 0.05,
      severity: 'warning',
    });
  });

  it('refuses bad input with French field messages', async () => {
    const taken = await newCampaign(2022);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0]).toMatchObject({
      field: 'year',
      message: 'Une campagne existe déjà pour l’année 2022.',
    });
    const inverted = await newCampaign(2030, { opensOn: '2031-04-01', deadline: '2031-03-01' });
    expectFieldError(inverted, 422, { field: 'deadline', code: 'observatory.deadline_before_opening' });
    const malformed = await call('staff', 'POST', '/api/observatory/campaigns', {
      year: 'x',
      title: '',
      opensOn: 'hier',
    });
    expect(malformed.statusCode).toBe(400);
    expect(fieldNames(malformed).sort()).toEqual(['deadline', 'opensOn', 'title', 'year']);
  });

  it('edits the catalogue while draft: unique codes, coherent rules', async () => {
    const base = `/api/observatory/campaigns/${first}/indicators`;
    const indicator = {
      code: 'trainingHours',
      label: 'Heures de formation',
      section: 'people',
      unit: 'hours',
      required: false,
      rules: [
        { kind: 'range', min: 0, severity: 'error' },
        { kind: 'atMost', of: 'hoursPaid', severity: 'warning' },
      ],
    };
    const added = await call('staff', 'POST', base, indicator);
    expect(added.statusCode, added.body).toBe(201);
    const duplicate = await call('staff', 'POST', base, indicator);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields[0]).toMatchObject({ field: 'code', code: 'observatory.code_taken' });
    const dangling = await call('staff', 'POST', base, {
      ...indicator,
      code: 'exitsTraining',
      rules: [{ kind: 'sum', parts: ['exitsDurable', 'ghost'], severity: 'error' }],
    });
    expect(dangling.statusCode).toBe(422);
    expect(dangling.json().error.fields).toEqual([
      {
        field: 'rules.0.parts.1',
        code: 'observatory.rule_unknown_code',
        message: 'L’indicateur « ghost » n’existe pas dans ce catalogue.',
      },
    ]);
    const badShape = await call('staff', 'POST', base, {
      ...indicator,
      code: '1bad',
      rules: [{ kind: 'change', ratio: -1, severity: 'error' }],
    });
    expect(badShape.statusCode).toBe(400);
    expect(fieldNames(badShape)).toContain('code');

    // A code other rules use is neither renamed nor removed.
    const catalogue = (await call('staff', 'GET', `/api/observatory/campaigns/${first}`)).json().indicators;
    const hours = catalogue.find((i: { code: string }) => i.code === 'hoursPaid');
    const rename = await call('staff', 'PATCH', `${base}/${hours.id}`, { code: 'hours' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.fields[0].message).toBe(
      'Le code « hoursPaid » est utilisé par les règles de : etpPathway, trainingHours.',
    );
    expect((await call('staff', 'DELETE', `${base}/${hours.id}`)).statusCode).toBe(409);
    const relabel = await call('staff', 'PATCH', `${base}/${added.json().id}`, {
      label: 'Heures de formation (parcours)',
      appliesTo: ['ACI'],
    });
    expect(relabel.statusCode).toBe(200);
    expect(relabel.json()).toMatchObject({
      code: 'trainingHours',
      label: 'Heures de formation (parcours)',
      appliesTo: ['ACI'],
    });
    expect((await call('staff', 'DELETE', `${base}/${added.json().id}`)).statusCode).toBe(204);
    // The board reads, never writes.
    expect((await call('board', 'POST', base, indicator)).statusCode).toBe(403);
    expect((await call('board', 'GET', `/api/observatory/campaigns/${first}`)).statusCode).toBe(200);
  });

  it('opens, locks the catalogue, closes and reopens; never goes back to draft', async () => {
    const url = `/api/observatory/campaigns/${first}`;
    expect((await call('chorus', 'GET', url)).statusCode).toBe(404);
    const opened = await call('staff', 'PATCH', url, { status: 'open', deadline: '2023-04-30' });
    expect(opened.json()).toMatchObject({ status: 'open', deadline: '2023-04-30' });
    const locked = await call('staff', 'POST', `${url}/indicators`, {
      code: 'late',
      label: 'Trop tard',
      section: 'other',
      unit: 'count',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('observatory.catalogue_locked');
    const back = await call('staff', 'PATCH', url, { status: 'draft' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.fields[0].message).toBe(
      'Une campagne « ouverte » ne peut pas passer à « en préparation ».',
    );
    expect((await call('staff', 'PATCH', url, { status: 'closed' })).json().status).toBe('closed');
    expect((await call('staff', 'PATCH', url, { status: 'open' })).json().status).toBe('open');
    expect((await call('staff', 'DELETE', url)).statusCode).toBe(409);
    expect((await call('chorus', 'PATCH', url, { status: 'closed' })).statusCode).toBe(403);
  });

  it('copies the catalogue of the previous campaign, edits included', async () => {
    const catalogue = (await call('staff', 'GET', `/api/observatory/campaigns/${first}`)).json().indicators;
    expect(catalogue.some((i: { code: string }) => i.code === 'trainingHours')).toBe(false);
    const draft = await newCampaign(2021);
    // 2021 comes before 2022: nothing earlier to copy, the default catalogue again.
    expect(draft.json().copiedFrom).toBeNull();
    const base = `/api/observatory/campaigns/${draft.json().id}/indicators`;
    await call('staff', 'POST', base, {
      code: 'volunteers',
      label: 'Bénévoles',
      section: 'other',
      unit: 'count',
    });
    await call('staff', 'PATCH', `/api/observatory/campaigns/${draft.json().id}`, { status: 'open' });
    const next = await newCampaign(2023);
    expect(next.json().copiedFrom).toEqual({ id: first, year: 2022 });
    expect(next.json().indicators.some((i: { code: string }) => i.code === 'volunteers')).toBe(false);
    const after2021 = await newCampaign(2025);
    expect(after2021.json().copiedFrom.year).toBe(2023);
    // A draft with nobody's answers can be dropped.
    expect(
      (await call('staff', 'DELETE', `/api/observatory/campaigns/${after2021.json().id}`)).statusCode,
    ).toBe(204);
  });

  it('refuses to open an empty catalogue', async () => {
    const draft = (await newCampaign(2019)).json();
    // Indicators others refer to go only once those are gone: a few passes empty the catalogue.
    let left: { id: string }[] = draft.indicators;
    for (let pass = 0; pass < 4 && left.length > 0; pass++) {
      for (const indicator of left)
        await call('staff', 'DELETE', `/api/observatory/campaigns/${draft.id}/indicators/${indicator.id}`);
      left = (await call('staff', 'GET', `/api/observatory/campaigns/${draft.id}`)).json().indicators;
    }
    expect(left).toEqual([]);
    const opened = await call('staff', 'PATCH', `/api/observatory/campaigns/${draft.id}`, { status: 'open' });
    expect(opened.statusCode).toBe(409);
    expect(opened.json().error.code).toBe('observatory.catalogue_empty');
  });

  it('lists campaigns: all for the team, not drafts for members; nothing across delegations', async () => {
    const staffList = (await call('staff', 'GET', '/api/observatory/campaigns')).json().items;
    expect(staffList.map((c: { year: number }) => c.year)).toEqual([2023, 2022, 2021, 2019]);
    expect(staffList[1].indicatorCount).toBe(DEFAULT_INDICATORS.length);
    const memberList = (await call('chorus', 'GET', '/api/observatory/campaigns')).json().items;
    expect(memberList.map((c: { year: number }) => c.year)).toEqual([2022, 2021]);
    expect((await call('otherStaff', 'GET', '/api/observatory/campaigns')).json().items).toEqual([]);
    expect((await call('otherStaff', 'GET', `/api/observatory/campaigns/${first}`)).statusCode).toBe(404);
    expect(
      (await call('otherStaff', 'PATCH', `/api/observatory/campaigns/${first}`, { title: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe('completeness board', () => {
  it('counts every current member × convention type by status, with its figures', async () => {
    const campaignId = await openCampaign(t, world, 2024);
    // CHORUS saves its AI form, REGAIN submits its ACI form.
    const chorus = await call('chorus', 'POST', `/api/observatory/campaigns/${campaignId}/forms`, {
      conventionType: 'AI',
      values: { hoursPaid: 1000 },
    });
    expect(chorus.statusCode, chorus.body).toBe(201);
    const regain = await call('regain', 'POST', `/api/observatory/campaigns/${campaignId}/forms`, {
      conventionType: 'ACI',
      values: goodValuesFor('ACI'),
    });
    const submitted = await call(
      'regain',
      'POST',
      `/api/observatory/submissions/${regain.json().id}/submit`,
      {},
    );
    expect(submitted.statusCode, submitted.body).toBe(200);

    const board = await call('board', 'GET', `/api/observatory/campaigns/${campaignId}/completeness`);
    expect(board.statusCode).toBe(200);
    const body = board.json();
    expect(body.counts).toEqual({
      not_started: 2,
      draft: 1,
      submitted: 1,
      correction_requested: 0,
      validated: 0,
      total: 4,
    });
    expect(
      body.items.map((i: { organisationName: string; conventionType: string; status: string }) => [
        i.organisationName,
        i.conventionType,
        i.status,
      ]),
    ).toEqual([
      ['CHORUS', 'AI', 'draft'],
      ['CHORUS', 'ACI', 'not_started'],
      ["L'ABEILLE VERTE", 'EBE', 'not_started'],
      ['REGAIN', 'ACI', 'submitted'],
    ]);
    const regainRow = body.items.find((i: { organisationName: string }) => i.organisationName === 'REGAIN');
    expect(regainRow).toMatchObject({
      department: '46',
      valueCount: Object.keys(goodValuesFor('ACI')).length,
    });
    expect(regainRow.indicatorCount).toBe(
      DEFAULT_INDICATORS.filter((i) => i.appliesTo.length === 0 || i.appliesTo.includes('ACI')).length,
    );
    expect(
      body.items.find(
        (i: { conventionType: string; organisationName: string }) =>
          i.organisationName === 'CHORUS' && i.conventionType === 'AI',
      ).valueCount,
    ).toBe(1);

    expect(
      (await call('chorus', 'GET', `/api/observatory/campaigns/${campaignId}/completeness`)).statusCode,
    ).toBe(403);
    expect(
      (await call('otherStaff', 'GET', `/api/observatory/campaigns/${campaignId}/completeness`)).statusCode,
    ).toBe(404);

    const xlsx = await call('staff', 'GET', `/api/observatory/campaigns/${campaignId}/completeness.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).getCell(1).value).toBe('Adhérent');
    const regainLine = sheet.getRow(5);
    expect(sheet.getRow(2).getCell(2).value).toBe('AI');
    expect(regainLine.getCell(1).value).toBe('REGAIN');
    expect(regainLine.getCell(4).value).toBe('transmis');
    expect(regainLine.getCell(5).value).toBe(Object.keys(goodValuesFor('ACI')).length);
    expect(regainLine.getCell(7).value).toBeInstanceOf(Date);
    expect(sheet.getRow(3).getCell(7).value).toBeNull();
  });
});
