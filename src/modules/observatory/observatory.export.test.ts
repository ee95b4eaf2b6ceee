import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { createCampaignWithAnswers, createOrganisations } from './dashboard.fixture.ts';

let t: TestApp;
let staff: string;
let board: string;
let member: string;
let otherStaff: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  const org = await createOrganisations(t.database, a.id, ['UN', 'DEUX']);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  member = (await signedInAs(t, { delegationId: a.id, role: 'member', organisationId: org.UN })).cookie;
  otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  await createCampaignWithAnswers(t.database, a.id, { year: 2024, synthetic: true }, [
    { organisationId: org.UN!, type: 'AI', department: '09', values: { revenue: 1000.5, persons: 40 } },
    { organisationId: org.DEUX!, type: 'AI', department: '09', values: { revenue: 2000, persons: 60 } },
  ]);
  await request(t, staff, 'PUT', '/api/observatory/declared/2023/persons', {
    value: 5000,
    qualifier: 'about',
    label: 'Personnes en parcours',
    source: 'Rapport 2024',
  });
  // A declared figure of a year with answers: listed on its own sheet, not among the data.
  await request(t, staff, 'PUT', '/api/observatory/declared/2024/persons', {
    value: 99,
    label: 'Personnes en parcours',
    source: 'Note interne',
  });
});
afterAll(() => t.close());

const download = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('observatory exports', () => {
  it('writes an XLSX with typed cells, a frozen filtered header and a sheet of declared aggregates', async () => {
    const response = await download(board, '/api/observatory/export.xlsx?from=2023&to=2024');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="observatoire-2023-2024.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Observatoire', 'Chiffres déclarés']);
    const data = workbook.getWorksheet('Observatoire')!;
    expect(data.getRow(1).values).toEqual([
      undefined,
      'Année',
      'Type',
      'Département',
      'Code indicateur',
      'Indicateur',
      'Unité',
      'Valeur',
      'Réponses',
      'Médiane',
      'Source',
      'Précision',
      'Synthétique',
    ]);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.autoFilter).toBeTruthy();
    const lines = data.getSheetValues().slice(2) as unknown[][];
    // 2023: the declared figure (no answers that year); 2024: persons then revenue, catalogue order.
    expect(lines.map((l) => l.slice(1))).toEqual(
      [
        [
          2023,
          'Tous types',
          null,
          'persons',
          'Personnes en parcours',
          'nombre',
          5000,
          null,
          null,
          'déclaré',
          'environ',
          'non',
        ],
        [2024, 'AI', '09', 'persons', 'Personnes en parcours', 'nombre', 100, 2, 50, 'calculé', '', 'oui'],
        [
          2024,
          'AI',
          '09',
          'revenue',
          'Chiffre d’affaires',
          'euros',
          3000.5,
          2,
          1500.25,
          'calculé',
          '',
          'oui',
        ],
        [
          2024,
          'AI',
          '09',
          'membersAnswering',
          'Adhérents répondants',
          'nombre',
          2,
          2,
          null,
          'calculé',
          '',
          'oui',
        ],
      ].map((l) => l.map((v) => (v === null ? undefined : v))),
    );
    expect(data.getCell('G4').numFmt).toBe('#,##0.00');
    const declared = workbook.getWorksheet('Chiffres déclarés')!;
    expect(declared.rowCount).toBe(3);
    expect(declared.getRow(2).values).toEqual(
      expect.arrayContaining([
        2024,
        'persons',
        'Personnes en parcours',
        'Tous types',
        99,
        'exact',
        'Note interne',
      ]),
    );
    expect(declared.getCell('H2').value).toBeInstanceOf(Date);
  });

  it('writes a French CSV: BOM, semicolons, decimal comma', async () => {
    const response = await download(staff, '/api/observatory/export.csv?from=2024&to=2024');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = response.body;
    expect(text.startsWith('\uFEFFAnnée;Type;Département;Code indicateur;Indicateur;Unité;Valeur;')).toBe(
      true,
    );
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toContain('2024;AI;09;revenue;Chiffre d’affaires;euros;3000,5;2;1500,25;calculé;;oui');
    expect(lines).toHaveLength(4);
  });

  it('is for the team and the board, and holds only the delegation’s own data', async () => {
    expect((await download(member, '/api/observatory/export.csv')).statusCode).toBe(403);
    const other = await download(otherStaff, '/api/observatory/export.csv');
    expect(other.body.slice(1).trim().split('\r\n')).toHaveLength(1);
    const bad = await download(staff, '/api/observatory/export.csv?from=vingt');
    expect(bad.statusCode).toBe(400);
  });
});
