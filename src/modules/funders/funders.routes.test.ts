import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFieldError, fieldNames, routeWorld } from '../../test/route-world.ts';

const w = routeWorld();
const { call } = w;

let member: string;
const ids: Record<string, string> = {};

const solidarite = {
  name: 'Fondation Solidarité Occitane',
  kind: 'foundation',
  themes: ['Insertion', 'Mobilité'],
  territories: ['81', '12'],
  beneficiaryTypes: ['ACI'],
  amountMin: 5000,
  amountMax: 30000,
  deadlines: 'Deux appels par an',
  website: 'www.exemple.org',
  lastCheckedOn: '2023-05-01',
  note: 'Privilégie les chantiers d’insertion en milieu rural',
};

beforeAll(async () => {
  Object.assign(
    ids,
    await w.addOrganisations(w.staff, {
      regain: { postcode: '81000' },
      chorus: { types: ['EI'], postcode: '31000' },
    }),
  );
  member = await w.as('member', ids.regain);
  for (const body of [
    solidarite,
    {
      name: 'Fonds Régional Numérique',
      kind: 'endowment',
      themes: ['Numérique'],
      territories: ['region'],
      lastCheckedOn: '2025-01-10',
    },
    {
      name: 'Fondation Nationale Emploi',
      kind: 'foundation',
      themes: ['insertion'],
      territories: ['national'],
      amountMax: 10000,
    },
    { name: 'Fondation Garonne', kind: 'foundation', themes: ['Insertion'], territories: ['31'] },
  ]) {
    const created = await call(w.staff, 'POST', '/api/funders', body);
    expect(created.statusCode).toBe(201);
    ids[body.name] = created.json().id;
  }
});

const names = (response: { json: () => { items: { name: string }[] } }) =>
  response.json().items.map((f) => f.name);

describe('funders guide', () => {
  it('refuses bad input with French field messages', async () => {
    const bad = await call(w.staff, 'POST', '/api/funders', {
      name: 'X',
      kind: 'foundation',
      territories: ['99', 'region'],
      amountMin: 10000,
      amountMax: 500,
      website: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(422);
    const fields = fieldNames(bad);
    expect(fields).toEqual(['territories', 'website', 'amountMax']);
    expect(bad.json().error.fields[2].message).toMatch(/supérieur ou égal/);
    const wrongKind = await call(w.staff, 'POST', '/api/funders', { name: 'X', kind: 'bank' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.fields[0].field).toBe('kind');
  });

  it('keeps writing to staff, reading to every role, and each delegation to itself', async () => {
    expect((await call(w.board, 'POST', '/api/funders', { name: 'Y', kind: 'other' })).statusCode).toBe(403);
    expect((await call(member, 'DELETE', `/api/funders/${ids['Fondation Garonne']}`)).statusCode).toBe(403);
    expect(names(await call(member, 'GET', '/api/funders'))).toHaveLength(4);
    expect(names(await call(w.otherStaff, 'GET', '/api/funders'))).toEqual([]);
    expect((await call(w.otherStaff, 'GET', `/api/funders/${ids['Fondation Garonne']}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(w.otherStaff, 'PATCH', `/api/funders/${ids['Fondation Garonne']}`, { note: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await call(w.board, 'GET', '/api/funders/stats')).json()).toEqual({ total: 4 });
    expect((await call(w.otherStaff, 'GET', '/api/funders/stats')).json()).toEqual({ total: 0 });
  });

  it('searches without accents and filters by theme, territory, type, amount and staleness', async () => {
    expect(names(await call(w.board, 'GET', '/api/funders?q=solidarite'))).toEqual([
      'Fondation Solidarité Occitane',
    ]);
    expect(names(await call(w.board, 'GET', '/api/funders?q=rural'))).toEqual([
      'Fondation Solidarité Occitane',
    ]);
    expect(names(await call(w.board, 'GET', '/api/funders?theme=mobilite'))).toEqual([
      'Fondation Solidarité Occitane',
    ]);
    expect(names(await call(w.board, 'GET', '/api/funders?territory=81'))).toEqual([
      'Fondation Nationale Emploi',
      'Fondation Solidarité Occitane',
      'Fonds Régional Numérique',
    ]);
    expect(names(await call(w.board, 'GET', '/api/funders?beneficiaryType=EI'))).not.toContain(
      'Fondation Solidarité Occitane',
    );
    expect(names(await call(w.board, 'GET', '/api/funders?amount=20000'))).toEqual([
      'Fondation Garonne',
      'Fondation Solidarité Occitane',
      'Fonds Régional Numérique',
    ]);
    expect(names(await call(w.board, 'GET', '/api/funders?checkedBefore=2024-01-01'))).toEqual([
      'Fondation Garonne',
      'Fondation Nationale Emploi',
      'Fondation Solidarité Occitane',
    ]);
    expect((await call(w.board, 'GET', '/api/funders?amount=abc')).statusCode).toBe(400);
  });

  it('updates and deletes, keeping what a patch leaves out', async () => {
    const id = ids['Fondation Garonne'];
    const patched = await call(w.staff, 'PATCH', `/api/funders/${id}`, {
      amountMin: 1000,
      lastCheckedOn: '2025-02-01',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ themes: ['Insertion'], territories: ['31'], amountMin: 1000 });
    const inverted = await call(w.staff, 'PATCH', `/api/funders/${id}`, { amountMax: 500 });
    expect(inverted.json().error.fields[0]).toMatchObject({
      field: 'amountMax',
      code: 'funders.amount_range',
    });
    expect((await call(w.staff, 'DELETE', `/api/funders/${id}`)).statusCode).toBe(204);
    expect((await call(w.staff, 'GET', `/api/funders/${id}`)).statusCode).toBe(404);
    const recreated = await call(w.staff, 'POST', '/api/funders', {
      name: 'Fondation Garonne',
      kind: 'foundation',
      themes: ['Insertion'],
      territories: ['31'],
    });
    ids['Fondation Garonne'] = recreated.json().id;
  });

  it('exports the filtered guide to XLSX', async () => {
    const response = await call(w.board, 'GET', '/api/funders/export.xlsx?territory=81');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Financeurs');
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Nom');
    const row = sheet?.getRow(3);
    expect(row?.getCell(1).value).toBe('Fondation Solidarité Occitane');
    expect(row?.getCell(6).value).toBe(5000);
    expect(row?.getCell(10).value).toBeInstanceOf(Date);
  });
});

describe('matching a project with the guide', () => {
  it('ranks funders with reasons and leaves out those working elsewhere', async () => {
    const response = await call(w.staff, 'POST', '/api/funders/match', {
      themes: ['insertion'],
      department: '81',
      amountSought: 20000,
      conventionType: 'ACI',
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { name: string }) => i.name)).toEqual([
      'Fondation Solidarité Occitane',
      // 20 each (national + theme − amount out of range; region alone): ties go by name.
      'Fondation Nationale Emploi',
      'Fonds Régional Numérique',
    ]);
    expect(items.map((i: { score: number }) => i.score)).toEqual([85, 20, 20]);
    expect(items[0].reasons).toEqual([
      'Intervient dans ce département : Tarn (81)',
      'Finance les ACI',
      'Thème commun : Insertion',
      'Montant dans la fourchette 5 000–30 000 €',
    ]);
    expect(items[1].reasons).toContain("Montant hors fourchette (jusqu'à 10 000 €)");
  });

  it('takes a member organisation’s department and type from the registry', async () => {
    const own = await call(member, 'POST', '/api/funders/match', { themes: ['mobilité'] });
    expect(own.statusCode).toBe(200);
    expect(own.json().project).toMatchObject({
      department: '81',
      conventionTypes: ['ACI'],
      organisationId: ids.regain,
    });
    const onBehalf = await call(w.staff, 'POST', '/api/funders/match', {
      themes: [],
      organisationId: ids.chorus,
    });
    // CHORUS is an EI in Haute-Garonne: the ACI-only Tarn foundation is out, the Garonne one in.
    const found = onBehalf.json().items.map((i: { name: string }) => i.name);
    expect(found).toContain('Fondation Garonne');
    expect(found).not.toContain('Fondation Solidarité Occitane');
  });

  it('refuses another organisation, an unknown department, or none at all', async () => {
    const other = await call(member, 'POST', '/api/funders/match', {
      themes: [],
      organisationId: ids.chorus,
    });
    expect(other.statusCode).toBe(403);
    const unknown = await call(w.staff, 'POST', '/api/funders/match', { themes: [], department: '999' });
    expectFieldError(unknown, 422, { field: 'department', code: 'funders.department_unknown' });
    const none = await call(w.staff, 'POST', '/api/funders/match', { themes: ['insertion'] });
    expect(none.json().error.fields[0].message).toMatch(/département du projet/);
    const elsewhere = await call(w.otherStaff, 'POST', '/api/funders/match', {
      themes: [],
      organisationId: ids.regain,
    });
    expect(elsewhere.statusCode).toBe(404);
    const extra = await call(w.staff, 'POST', '/api/funders/match', {
      themes: [],
      department: '81',
      budget: 3,
    });
    expect(extra.statusCode).toBe(400);
  });
});
