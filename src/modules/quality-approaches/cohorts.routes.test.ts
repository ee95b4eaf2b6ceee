import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFieldError, expectFieldNames, routeWorld } from '../../test/route-world.ts';

const w = routeWorld();
const { call } = w;

let member: string;
const ids: Record<string, string> = {};
const base = '/api/quality-approaches/cohorts';

beforeAll(async () => {
  ids.chorus = (await w.addOrganisations(w.staff, { chorus: {} })).chorus;
  member = await w.as('member', ids.chorus);
  const action = await call(w.staff, 'POST', '/api/actions', {
    title: 'Atelier CAP RSE n°1',
    kind: 'workshop',
    startsOn: '2025-02-11',
    missions: ['accompagner'],
    visibility: 'internal',
  });
  expect(action.statusCode).toBe(201);
  ids.action = action.json().id;
  const foreign = await call(w.otherStaff, 'POST', '/api/actions', {
    title: 'Ailleurs',
    kind: 'workshop',
    startsOn: '2025-02-11',
    missions: ['accompagner'],
    visibility: 'internal',
  });
  ids.foreignAction = foreign.json().id;
});

describe('cohorts', () => {
  it('refuses bad input in French on the field', async () => {
    const response = await call(w.staff, 'POST', base, {
      name: '',
      programme: 'CAP RSE',
      startsOn: '11/02/2025',
    });
    expectFieldNames(response, 400, ['name', 'startsOn']);
    expect(response.json().error.fields[0].message).toBe('Ce champ est obligatoire.');
  });

  it('keeps a cohort with its members and its sessions (existing actions)', async () => {
    const created = await call(w.staff, 'POST', base, {
      name: 'Groupe test',
      programme: 'CAP RSE',
      startsOn: '2025-01-15',
    });
    expect(created.statusCode).toBe(201);
    ids.cohort = created.json().id;
    const members = await call(w.staff, 'PUT', `${base}/${ids.cohort}/members`, {
      organisationIds: [ids.chorus],
    });
    expect(members.json().members).toEqual([{ id: ids.chorus, name: 'CHORUS' }]);
    const foreign = await call(w.staff, 'PUT', `${base}/${ids.cohort}/sessions`, {
      actionIds: [ids.action, ids.foreignAction],
    });
    expectFieldError(foreign, 422, {
      field: 'actionIds.1',
      message: "Cette action n'existe pas dans la délégation.",
    });
    const sessions = await call(w.staff, 'PUT', `${base}/${ids.cohort}/sessions`, {
      actionIds: [ids.action],
    });
    expect(sessions.json().sessions).toEqual([
      { id: ids.action, title: 'Atelier CAP RSE n°1', startsOn: '2025-02-11' },
    ]);
    expect((await call(w.board, 'GET', base)).json()).toHaveLength(1);
  });

  it('lets only staff write, members not read, other delegations not see', async () => {
    expect((await call(w.board, 'POST', base, { name: 'X', programme: 'CAP' })).statusCode).toBe(403);
    expect((await call(w.board, 'DELETE', `${base}/${ids.cohort}`)).statusCode).toBe(403);
    expect((await call(member, 'GET', base)).statusCode).toBe(403);
    expect((await call(w.otherStaff, 'GET', base)).json()).toEqual([]);
    const put = await call(w.otherStaff, 'PUT', `${base}/${ids.cohort}`, { name: 'X', programme: 'CAP' });
    expect(put.statusCode).toBe(404);
  });

  it('exports the cohorts to XLSX', async () => {
    const response = await call(w.board, 'GET', `${base}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Groupes')!.getRow(2);
    expect(row.getCell(1).value).toBe('Groupe test');
    expect(row.getCell(3).value).toEqual(new Date('2025-01-15T00:00:00Z'));
    expect(row.getCell(4).value).toBe(1);
    expect(row.getCell(5).value).toBe('CHORUS');
  });
});
