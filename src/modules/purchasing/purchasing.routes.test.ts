import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import type { HttpMethod } from '../../test/app.ts';
import { expectFieldError, fieldNames, routeWorld } from '../../test/route-world.ts';
import { putDeclaredFigure } from '../figures/figures.service.ts';

const w = routeWorld();

const as: Record<'staff' | 'board' | 'member' | 'otherMember' | 'otherStaff', string> = {} as never;
const ids: Record<string, string> = {};
const call = (who: keyof typeof as, method: HttpMethod, url: string, payload?: object) =>
  w.call(as[who], method, url, payload);

async function organisation(
  who: 'staff' | 'otherStaff',
  name: string,
  postcode: string,
  activities: string[],
) {
  const response = await call(who, 'POST', '/api/members/organisations', {
    name,
    establishment: { postcode },
    conventionTypes: ['ACI'],
    joinedOn: '2020-01-01',
    activities,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function sheetRows(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  return sheet.getSheetValues().slice(1) as unknown[][];
}

beforeAll(async () => {
  ids.delegation = w.delegationId;
  Object.assign(as, { staff: w.staff, board: w.board, otherStaff: w.otherStaff });
  ids.jardins = await organisation('staff', 'JARDINS DU LOT', '46000', ['Espaces verts', 'Maraîchage']);
  ids.proprete = await organisation('staff', 'PROPRETÉ 31', '31000', ['Nettoyage', 'espaces VERTS']);
  ids.couture = await organisation('staff', 'COUTURE', '46100', ['Couture']);
  ids.loin = await organisation('staff', 'LOIN', '75011', ['Bâtiment']);
  ids.ailleurs = await organisation('otherStaff', 'AILLEURS', '46000', ['Espaces verts']);
  as.member = await w.as('member', ids.jardins);
  as.otherMember = await w.as('member', ids.proprete);
});

describe('buyers', () => {
  it('refuses bad input with French field messages', async () => {
    const bad = await call('staff', 'POST', '/api/purchasing/buyers', { name: '', sector: 'mixed' });
    expect(bad.statusCode).toBe(400);
    const fields = fieldNames(bad);
    expect(fields).toEqual(expect.arrayContaining(['name', 'sector']));
    expect(bad.json().error.fields[0].message).toMatch(/\p{L}/u);
  });

  it('keeps contact data for the team: the board reads buyers without it, members not at all', async () => {
    const created = await call('staff', 'POST', '/api/purchasing/buyers', {
      name: 'Groupe Exemple',
      sector: 'public',
      contactName: 'Camille Achat',
      contactEmail: 'camille@example.org',
      contactPhone: '05 61 00 00 00',
    });
    expect(created.statusCode, created.body).toBe(201);
    ids.buyer = created.json().id;
    expect(created.json().contactEmail).toBe('camille@example.org');
    const board = (await call('board', 'GET', '/api/purchasing/buyers')).json().items;
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({
      name: 'Groupe Exemple',
      contactName: null,
      contactEmail: null,
      contactPhone: null,
    });
    expect((await call('member', 'GET', '/api/purchasing/buyers')).statusCode).toBe(403);
    expect((await call('board', 'GET', '/api/purchasing/buyers.xlsx')).statusCode).toBe(403);
    expect(
      (await call('board', 'POST', '/api/purchasing/buyers', { name: 'X', sector: 'public' })).statusCode,
    ).toBe(403);
    const xlsx = await call('staff', 'GET', '/api/purchasing/buyers.xlsx');
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows[0]).toContain('Courriel');
    expect(rows[1]).toContain('camille@example.org');
  });
});

describe('opportunities and matching', () => {
  it('creates an opportunity of a buyer of the delegation only', async () => {
    const foreign = await call('otherStaff', 'POST', '/api/purchasing/opportunities', {
      buyerId: ids.buyer,
      title: 'Entretien',
      kind: 'quote',
    });
    expectFieldError(foreign, 422, { field: 'buyerId', code: 'purchasing.buyer_unknown' });
    const bad = await call('staff', 'POST', '/api/purchasing/opportunities', {
      buyerId: ids.buyer,
      title: 'Entretien',
      kind: 'quote',
      department: '1234',
    });
    expect(bad.json().error.fields[0].field).toBe('department');
    const created = await call('staff', 'POST', '/api/purchasing/opportunities', {
      buyerId: ids.buyer,
      title: 'Entretien des abords des gares',
      kind: 'social_clause',
      amount: 120000,
      town: 'Cahors',
      department: '46',
      deadline: '2025-06-30',
      activities: ['Espaces verts', 'ESPACES VERTS', 'Nettoyage'],
    });
    expect(created.statusCode, created.body).toBe(201);
    ids.opportunity = created.json().id;
    expect(created.json()).toMatchObject({
      buyerName: 'Groupe Exemple',
      activities: ['Espaces verts', 'Nettoyage'],
    });
    expect(created.json()).not.toHaveProperty('contactEmail');
    const closed = await call('staff', 'POST', '/api/purchasing/opportunities', {
      buyerId: ids.buyer,
      title: 'Marché clos',
      kind: 'reserved_contract',
      status: 'closed',
    });
    ids.closed = closed.json().id;
  });

  it('ranks current members of the delegation by activity then territory, with reasons', async () => {
    const response = await call(
      'staff',
      'GET',
      `/api/purchasing/opportunities/${ids.opportunity}/candidates`,
    );
    const items = response.json().items;
    expect(items.map((c: { name: string }) => c.name)).toEqual(['PROPRETÉ 31', 'JARDINS DU LOT', 'COUTURE']);
    expect(items[0].reasons).toEqual([
      'Activités communes : Espaces verts, Nettoyage',
      'Présent dans la région (Occitanie)',
    ]);
    expect(items[1].reasons).toEqual(['Activité commune : Espaces verts', 'Présent dans le département 46']);
    expect(
      (await call('member', 'GET', `/api/purchasing/opportunities/${ids.opportunity}/candidates`)).statusCode,
    ).toBe(403);
    expect(
      (await call('otherStaff', 'GET', `/api/purchasing/opportunities/${ids.opportunity}/candidates`))
        .statusCode,
    ).toBe(404);
  });

  it('puts members forward with their reasons, refusing a non-member', async () => {
    const foreign = await call('staff', 'POST', `/api/purchasing/opportunities/${ids.opportunity}/matches`, {
      organisationIds: [ids.jardins, ids.ailleurs],
    });
    expectFieldError(foreign, 422, { field: 'organisationIds.1', code: 'purchasing.not_a_member' });
    const created = await call('staff', 'POST', `/api/purchasing/opportunities/${ids.opportunity}/matches`, {
      organisationIds: [ids.jardins, ids.proprete],
    });
    expect(created.statusCode, created.body).toBe(201);
    const items = created.json().items;
    expect(items).toHaveLength(2);
    ids.jardinsMatch = items.find((m: { organisationId: string }) => m.organisationId === ids.jardins).id;
    ids.propreteMatch = items.find((m: { organisationId: string }) => m.organisationId === ids.proprete).id;
    const again = await call('staff', 'POST', `/api/purchasing/opportunities/${ids.opportunity}/matches`, {
      organisationIds: [ids.jardins],
    });
    expect(again.json().items).toEqual([]);
    const candidates = (
      await call('staff', 'GET', `/api/purchasing/opportunities/${ids.opportunity}/candidates`)
    ).json();
    expect(candidates.items[0].alreadyMatched).toBe(true);
  });
});

describe('follow-up', () => {
  it('shows members the open opportunities and their own follow-ups only', async () => {
    const opps = (await call('member', 'GET', '/api/purchasing/opportunities')).json().items;
    expect(opps.map((o: { title: string }) => o.title)).toEqual(['Entretien des abords des gares']);
    expect((await call('member', 'GET', `/api/purchasing/opportunities/${ids.closed}`)).statusCode).toBe(404);
    const own = (await call('member', 'GET', '/api/purchasing/matches')).json().items;
    expect(own.map((m: { organisationName: string }) => m.organisationName)).toEqual(['JARDINS DU LOT']);
    const xlsx = await sheetRows((await call('member', 'GET', '/api/purchasing/matches.xlsx')).rawPayload);
    expect(xlsx).toHaveLength(2);
    expect((await call('board', 'GET', '/api/purchasing/matches')).json().items).toHaveLength(2);
  });

  it('lets a member say interested or quote sent on its own follow-up, nothing more', async () => {
    const ok = await call('member', 'PATCH', `/api/purchasing/matches/${ids.jardinsMatch}`, {
      status: 'quote_sent',
      note: 'Devis envoyé le 2 juin',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'quote_sent', note: 'Devis envoyé le 2 juin' });
    const won = await call('member', 'PATCH', `/api/purchasing/matches/${ids.jardinsMatch}`, {
      status: 'won',
      insertionHours: 10,
    });
    expect(won.statusCode).toBe(422);
    expect(won.json().error.fields.map((f: { code: string }) => f.code)).toEqual([
      'purchasing.member_status',
      'purchasing.team_only',
    ]);
    const others = await call('member', 'PATCH', `/api/purchasing/matches/${ids.propreteMatch}`, {
      status: 'interested',
    });
    expect(others.statusCode).toBe(404);
    expect(
      (await call('board', 'PATCH', `/api/purchasing/matches/${ids.propreteMatch}`, { note: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('records insertion hours on won matches only, and counts them apart from declared figures', async () => {
    const early = await call('staff', 'PATCH', `/api/purchasing/matches/${ids.propreteMatch}`, {
      insertionHours: 5,
    });
    expect(early.json().error.fields[0]).toMatchObject({
      field: 'insertionHours',
      code: 'purchasing.hours_need_won',
    });
    const won = await call('staff', 'PATCH', `/api/purchasing/matches/${ids.propreteMatch}`, {
      status: 'won',
      insertionHours: 320.5,
    });
    expect(won.json()).toMatchObject({ status: 'won', insertionHours: 320.5 });
    await withTenant(w.t.database.db, { delegationId: ids.delegation!, userId: null }, (tx) =>
      putDeclaredFigure(tx, 2025, 'buyerInsertionHours', {
        value: 1000,
        unit: 'hours',
        label: "Heures d'insertion déclarées par l'acheteur",
        source: 'Test',
      }),
    );
    const stats = (await call('board', 'GET', '/api/purchasing/stats?year=2025')).json();
    expect(stats.computed).toMatchObject({
      opportunities: 1,
      matches: 2,
      insertionHours: 320.5,
      byStatus: { won: 1, quote_sent: 1, proposed: 0 },
    });
    expect(stats.declared.map((f: { key: string; value: number }) => [f.key, f.value])).toEqual([
      ['buyerInsertionHours', 1000],
    ]);
    expect((await call('member', 'GET', '/api/purchasing/stats?year=2025')).statusCode).toBe(403);
    const lost = await call('staff', 'PATCH', `/api/purchasing/matches/${ids.propreteMatch}`, {
      status: 'lost',
    });
    expect(lost.json().insertionHours).toBeNull();
  });

  it('exports opportunities with typed cells, and stays within the delegation', async () => {
    const rows = await sheetRows(
      (await call('staff', 'GET', '/api/purchasing/opportunities.xlsx')).rawPayload,
    );
    expect(rows[0]).toContain('Échéance');
    const gares = rows.find((r) => r.includes('Entretien des abords des gares'))!;
    expect(gares).toContain(120000);
    expect(gares.some((c) => c instanceof Date)).toBe(true);
    expect((await call('otherStaff', 'GET', '/api/purchasing/opportunities')).json().items).toEqual([]);
    expect((await call('otherStaff', 'GET', '/api/purchasing/matches')).json().items).toEqual([]);
    expect((await call('otherStaff', 'GET', '/api/purchasing/buyers')).json().items).toEqual([]);
    expect(
      (await call('otherStaff', 'PATCH', `/api/purchasing/matches/${ids.jardinsMatch}`, {})).statusCode,
    ).toBe(404);
    expect((await call('otherStaff', 'DELETE', `/api/purchasing/buyers/${ids.buyer}`)).statusCode).toBe(404);
  });
});
