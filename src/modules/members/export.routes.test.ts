import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TenantContext, withTenant } from '../../db/client.ts';
import { routeWorld } from '../../test/route-world.ts';
import { toCsv } from './export.service.ts';
import { todayInFrance } from './members.queries.ts';
import {
  addEstablishment,
  createOrganisation,
  getOrganisation,
  updateMembership,
} from './members.service.ts';
import type { ConventionType } from './members.table.ts';

const w = routeWorld();

let cookies: Record<'admin' | 'staff' | 'board' | 'member', string>;
const staff = { role: 'staff' as const, organisationId: null };

type Row = Record<string, string>;

function csvOf(body: Buffer | string): Row[] {
  return parse(body, { bom: true, delimiter: ';', columns: true }) as Row[];
}

async function getCsv(query = '', cookie = cookies.staff) {
  return w.t.app.inject({
    method: 'GET',
    url: `/api/members/organisations/export.csv${query}`,
    headers: { cookie },
  });
}

async function xlsxOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  // exceljs's declared Buffer type predates Node's generic Buffer.
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

beforeAll(async () => {
  const A: TenantContext = { delegationId: w.delegationId, userId: null };
  await withTenant(w.t.database.db, A, async (tx) => {
    const ariege = await createOrganisation(tx, {
      name: 'Ariège Profession Animation',
      siren: '356000000',
      establishment: {
        siret: '35600000000048',
        address: '3 rue de l\'Espinet; bâtiment "B"',
        postcode: '09000',
        city: 'FOIX',
        phone: '05 61 02 98 97',
        email: 'apa09@orange.fr',
      },
      conventionTypes: ['AI', 'ACI'],
      joinedOn: '2019-03-15',
    });
    await addEstablishment(tx, ariege.id, { postcode: '09200', city: 'SAINT-GIRONS' });
    await createOrganisation(tx, {
      name: 'Régie Rouergate',
      establishment: { postcode: '12000', city: 'RODEZ' },
      conventionTypes: ['EI'],
      joinedOn: '2022-01-01',
    });
    const gone = await createOrganisation(tx, {
      name: 'Partie en 2023',
      establishment: { postcode: '46000', city: 'CAHORS' },
      conventionTypes: ['ETTI'],
      joinedOn: '2020-01-01',
    });
    const record = await getOrganisation(tx, staff, gone.id);
    await updateMembership(tx, record.memberships[0]?.id ?? '', { leftOn: '2023-06-30' });
  });
  await withTenant(w.t.database.db, { delegationId: w.otherDelegationId, userId: null }, (tx) =>
    createOrganisation(tx, {
      name: 'Autre délégation',
      establishment: { postcode: '31000', city: 'TOULOUSE' },
      conventionTypes: [],
      joinedOn: '2022-01-01',
    }),
  );
  cookies = {
    admin: await w.as('admin'),
    staff: w.staff,
    board: w.board,
    member: await w.as('member'),
  };
});

describe('GET /api/members/organisations/export.csv', () => {
  it('is a file French Excel opens as is: BOM, semicolons, CRLF, a dated file name', async () => {
    const response = await getCsv();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="adherents-${todayInFrance()}.csv"`,
    );
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      "\uFEFFOrganisation;SIREN;Types;SIRET;Adresse;Code postal;Commune;Département;Téléphone;E-mail;Site web;Adhésion;Date d'adhésion;Adhérent attesté depuis;Date de départ",
    );
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('has one line per establishment, accents, leading zeros and French dates intact', async () => {
    const rows = csvOf((await getCsv()).rawPayload);
    // Current members by default, in name order; the second Ariège place has its own line.
    expect(rows.map((r) => [r.Organisation, r.Commune])).toEqual([
      ['Ariège Profession Animation', 'FOIX'],
      ['Ariège Profession Animation', 'SAINT-GIRONS'],
      ['Régie Rouergate', 'RODEZ'],
    ]);
    expect(rows[0]).toMatchObject({
      SIREN: '356000000',
      SIRET: '35600000000048',
      Types: 'AI, ACI',
      Adresse: '3 rue de l\'Espinet; bâtiment "B"',
      'Code postal': '09000',
      Département: '09',
      Téléphone: '05 61 02 98 97',
      Adhésion: 'Adhérent',
      "Date d'adhésion": '15/03/2019',
      'Date de départ': '',
    });
  });

  it('takes the list filters: a former member, a type, a search, a department', async () => {
    const former = csvOf((await getCsv('?membership=former')).rawPayload);
    expect(former).toHaveLength(1);
    expect(former[0]).toMatchObject({
      Organisation: 'Partie en 2023',
      Adhésion: 'Ancien adhérent',
      'Date de départ': '30/06/2023',
    });
    const byType = csvOf((await getCsv('?type=EI')).rawPayload);
    expect(byType.map((r) => r.Organisation)).toEqual(['Régie Rouergate']);
    const searched = csvOf((await getCsv(`?q=${encodeURIComponent('ariege')}`)).rawPayload);
    expect(new Set(searched.map((r) => r.Organisation))).toEqual(new Set(['Ariège Profession Animation']));
    const sorted = csvOf((await getCsv('?membership=all&sort=-name')).rawPayload);
    expect(sorted.map((r) => r.Organisation)[0]).toBe('Régie Rouergate');
    const none = await getCsv('?department=48');
    expect(csvOf(none.rawPayload)).toEqual([]);
    expect(none.body.startsWith('\uFEFFOrganisation;')).toBe(true);
  });

  it('refuses a bad filter with a French message', async () => {
    const response = await getCsv('?type=XYZ');
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.fields[0].field).toBe('querystring.type');
    expect(error.message).toMatch(/[éè]|invalide|valeur/i);
  });

  it('is for the delegation team and board, within their delegation', async () => {
    expect((await getCsv('', cookies.board)).statusCode).toBe(200);
    expect((await getCsv('', cookies.admin)).statusCode).toBe(200);
    expect((await getCsv('', cookies.member)).statusCode).toBe(403);
    expect(
      (await w.t.app.inject({ method: 'GET', url: '/api/members/organisations/export.csv' })).statusCode,
    ).toBe(401);
    const other = csvOf((await getCsv('', w.otherStaff)).rawPayload);
    expect(other.map((r) => r.Organisation)).toEqual(['Autre délégation']);
  });
});

describe('GET /api/members/organisations/export.xlsx', () => {
  it('has typed cells, a bold frozen header with filters, and the list filters', async () => {
    const response = await w.t.app.inject({
      method: 'GET',
      url: '/api/members/organisations/export.xlsx?membership=all',
      headers: { cookie: cookies.board },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="adherents-${todayInFrance()}.xlsx"`,
    );
    const sheet = await xlsxOf(response.rawPayload);
    expect(sheet.views[0]?.state).toBe('frozen');
    expect(sheet.autoFilter).toBeTruthy();
    const header = sheet.getRow(1);
    expect(header.font?.bold).toBe(true);
    expect(header.getCell(1).value).toBe('Organisation');
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
    expect(sheet.rowCount).toBe(5); // header + 2 Ariège places + Régie + the former member

    const columns = (header.values as unknown[]).map(String);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(columns.indexOf(name));
    expect(cell(2, 'Organisation').value).toBe('Ariège Profession Animation');
    expect(cell(2, 'Code postal').value).toBe('09000');
    expect(cell(2, 'SIRET').value).toBe('35600000000048');
    const joined = cell(2, "Date d'adhésion");
    expect(joined.value).toBeInstanceOf(Date);
    expect((joined.value as Date).toISOString()).toBe('2019-03-15T00:00:00.000Z');
    expect(joined.numFmt).toBe('dd/mm/yyyy');
    expect(cell(2, 'Date de départ').value).toBeNull();
  });

  it('is refused to a member user', async () => {
    const response = await w.t.app.inject({
      method: 'GET',
      url: '/api/members/organisations/export.xlsx',
      headers: { cookie: cookies.member },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('toCsv', () => {
  it('shows what Excel would run as a formula as text, and keeps phone numbers as written', () => {
    const base = {
      siren: null,
      types: [] as ConventionType[],
      siret: null,
      address: null,
      postcode: null,
      city: null,
      department: null,
      email: null,
      website: null,
      membership: 'current' as const,
      joinedOn: null,
      knownFrom: '2024-01-01',
      leftOn: null,
    };
    const csv = toCsv([
      { ...base, name: '=HYPERLINK("http://x")', phone: '+33 5 61 02 98 97' },
      { ...base, name: 'BATI +', phone: '-1+1' },
    ]);
    const rows = csvOf(csv);
    expect(rows[0]).toMatchObject({
      Organisation: `'=HYPERLINK("http://x")`,
      Téléphone: '+33 5 61 02 98 97',
      'Adhérent attesté depuis': '01/01/2024',
    });
    expect(rows[1]).toMatchObject({ Organisation: 'BATI +', Téléphone: "'-1+1" });
  });
});
