import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { expectFieldNames } from '../../test/route-world.ts';

let t: TestApp;
let staff: string;
let board: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  for (const [key, name, postcode] of [
    ['chorus', 'CHORUS', '12300'],
    ['regain', 'REGAIN', '46100'],
  ] as const) {
    const created = await request(t, staff, 'POST', '/api/members/organisations', {
      name,
      establishment: { postcode },
      conventionTypes: ['AI'],
      joinedOn: '2024-01-01',
    });
    ids[key] = created.json().id;
  }
  ids.dreets = (
    await request(t, staff, 'POST', '/api/partners', { name: 'DREETS', kind: 'state' })
  ).json().id;
  ids.cress = (await request(t, staff, 'POST', '/api/partners', { name: 'CRESS', kind: 'cress' })).json().id;
  const actions = [
    {
      title: 'Webinaire L’Instant Coorace',
      kind: 'webinar',
      startsOn: '2024-01-25',
      online: true,
      themes: ['Qualité'],
      summary: 'Présentation de la démarche CEDRE.',
      visibility: 'public',
      participantsCount: 150,
      participantsQualifier: 'about',
      partners: [{ partnerId: ids.cress, role: 'partner' }],
    },
    {
      title: 'Assemblée générale',
      kind: 'general_assembly',
      startsOn: '2024-05-16',
      town: 'Toulouse',
      department: '31',
      themes: ['Gouvernance'],
      visibility: 'public',
      members: [{ organisationId: ids.chorus, role: 'host' }],
    },
    {
      // Spans two months: listed under its start month.
      title: 'Formation des encadrants',
      kind: 'training',
      startsOn: '2024-05-30',
      endsOn: '2024-06-02',
      town: 'Rodez',
      department: '12',
      themes: ['Formation', 'qualite'],
      members: [
        { organisationId: ids.chorus, role: 'participant' },
        { organisationId: ids.regain, role: 'speaker' },
      ],
      partners: [{ partnerId: ids.dreets, role: 'funder' }],
    },
    {
      title: 'Comité de pilotage FSE+',
      kind: 'committee',
      startsOn: '2024-01-01',
      endsOn: '2024-02-29',
      datePrecision: 'month',
      partners: [{ partnerId: ids.dreets, role: 'organiser' }],
    },
    {
      title: 'Rencontre SNCF',
      kind: 'partner_meeting',
      startsOn: '2023-11-14',
      town: 'Cahors',
      department: '46',
    },
  ];
  for (const action of actions) {
    const created = await request(t, staff, 'POST', '/api/actions', action);
    if (created.statusCode !== 201) throw new Error(created.body);
  }
});
afterAll(() => t.close());

const titles = async (query: string) => {
  const response = await request(t, board, 'GET', `/api/actions${query}`);
  expect(response.statusCode).toBe(200);
  return response.json().items.map((a: { title: string }) => a.title);
};

describe('actions list', () => {
  it('lists newest first with partners and members, paginated with the total', async () => {
    const page = await request(t, board, 'GET', '/api/actions?limit=2&offset=1');
    expect(page.json()).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(page.json().items.map((a: { title: string }) => a.title)).toEqual([
      'Assemblée générale',
      'Webinaire L’Instant Coorace',
    ]);
    const [assembly] = page.json().items;
    expect(assembly.members).toEqual([{ organisationId: ids.chorus, name: 'CHORUS', role: 'host' }]);
    expect(await titles('?year=2024&order=asc')).toEqual([
      'Comité de pilotage FSE+',
      'Webinaire L’Instant Coorace',
      'Assemblée générale',
      'Formation des encadrants',
    ]);
  });

  it('filters by year, month, kind, theme, department, partner, member, visibility and text', async () => {
    expect(await titles('?year=2023')).toEqual(['Rencontre SNCF']);
    expect(await titles('?year=2024&month=5')).toEqual(['Formation des encadrants', 'Assemblée générale']);
    expect(await titles('?month=11')).toEqual(['Rencontre SNCF']);
    expect(await titles('?kind=webinar')).toEqual(['Webinaire L’Instant Coorace']);
    // Themes compare without case or accents.
    expect(await titles('?theme=QUALITÉ')).toEqual([
      'Formation des encadrants',
      'Webinaire L’Instant Coorace',
    ]);
    expect(await titles('?department=12')).toEqual(['Formation des encadrants']);
    expect(await titles(`?partnerId=${ids.dreets}`)).toEqual([
      'Formation des encadrants',
      'Comité de pilotage FSE+',
    ]);
    expect(await titles(`?organisationId=${ids.regain}`)).toEqual(['Formation des encadrants']);
    expect(await titles(`?organisationId=${ids.chorus}&year=2024&month=5`)).toEqual([
      'Formation des encadrants',
      'Assemblée générale',
    ]);
    expect(await titles('?visibility=public')).toEqual(['Assemblée générale', 'Webinaire L’Instant Coorace']);
    // Title or summary, accents ignored, every word.
    expect(await titles('?q=demarche%20cedre')).toEqual(['Webinaire L’Instant Coorace']);
    expect(await titles('?q=ENCADRANTS')).toEqual(['Formation des encadrants']);
    expect(await titles('?q=encadrants%20sncf')).toEqual([]);
  });

  it('refuses malformed filters', async () => {
    const response = await request(t, board, 'GET', '/api/actions?month=13&partnerId=x');
    expectFieldNames(response, 400, ['querystring.month', 'querystring.partnerId']);
  });

  it('exports the filtered list as XLSX with typed cells', async () => {
    const response = await request(t, board, 'GET', '/api/actions/export.xlsx?year=2024&department=12');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Actions');
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet?.getRow(1).values as string[];
    const row = sheet?.getRow(2);
    const cell = (name: string) => row?.getCell(header.indexOf(name));
    expect(cell('Début')?.value).toEqual(new Date('2024-05-30T00:00:00Z'));
    expect(cell('Fin')?.value).toEqual(new Date('2024-06-02T00:00:00Z'));
    expect(cell('Titre')?.value).toBe('Formation des encadrants');
    expect(cell('Type')?.value).toBe('Formation');
    expect(cell('Département')?.value).toBe('12');
    expect(cell('Partenaires')?.value).toBe('DREETS (financeur)');
    expect(cell('Adhérents')?.value).toBe('REGAIN (intervenant), CHORUS (participant)');
  });
});

describe('chronicle', () => {
  it('groups the year by start month with counts, internal actions included for staff', async () => {
    const response = await request(t, board, 'GET', '/api/actions/chronicle?year=2024');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.year).toBe(2024);
    expect(body.total).toBe(4);
    expect(body.months).toHaveLength(12);
    const summary = body.months.map((m: { month: number; count: number; actions: { title: string }[] }) => [
      m.month,
      m.count,
      m.actions.map((a) => a.title),
    ]);
    expect(summary[0]).toEqual([1, 2, ['Comité de pilotage FSE+', 'Webinaire L’Instant Coorace']]);
    expect(summary[4]).toEqual([5, 2, ['Assemblée générale', 'Formation des encadrants']]);
    expect(summary[5]).toEqual([6, 0, []]);
    expect(body.months[0].actions[0]).toMatchObject({
      datePrecision: 'month',
      visibility: 'internal',
      partners: [{ name: 'DREETS', role: 'organiser' }],
    });
  });
});
