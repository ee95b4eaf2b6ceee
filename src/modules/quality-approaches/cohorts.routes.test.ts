import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDelegation,
  createTestApp,
  type HttpMethod,
  request,
  signedInAs,
  type TestApp,
} from '../../test/app.ts';

let t: TestApp;
let staff: string;
let board: string;
let member: string;
let otherStaff: string;
const ids: Record<string, string> = {};
const base = '/api/quality-approaches/cohorts';

const call = (cookie: string, method: HttpMethod, url: string, payload?: object) =>
  request(t, cookie, method, url, payload);

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  const created = await call(staff, 'POST', '/api/members/organisations', {
    name: 'CHORUS',
    establishment: { postcode: '12300' },
    conventionTypes: ['AI'],
    joinedOn: '2024-03-01',
  });
  ids.chorus = created.json().id;
  member = (await signedInAs(t, { delegationId: a.id, role: 'member', organisationId: ids.chorus })).cookie;
  const action = await call(staff, 'POST', '/api/actions', {
    title: 'Atelier CAP RSE n°1',
    kind: 'workshop',
    startsOn: '2025-02-11',
    missions: ['accompagner'],
    visibility: 'internal',
  });
  expect(action.statusCode).toBe(201);
  ids.action = action.json().id;
  const foreign = await call(otherStaff, 'POST', '/api/actions', {
    title: 'Ailleurs',
    kind: 'workshop',
    startsOn: '2025-02-11',
    missions: ['accompagner'],
    visibility: 'internal',
  });
  ids.foreignAction = foreign.json().id;
});
afterAll(() => t.close());

describe('cohorts', () => {
  it('refuses bad input in French on the field', async () => {
    const response = await call(staff, 'POST', base, {
      name: '',
      programme: 'CAP RSE',
      startsOn: '11/02/2025',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['name', 'startsOn']);
    expect(response.json().error.fields[0].message).toBe('Ce champ est obligatoire.');
  });

  it('keeps a cohort with its members and its sessions (existing actions)', async () => {
    const created = await call(staff, 'POST', base, {
      name: 'Groupe test',
      programme: 'CAP RSE',
      startsOn: '2025-01-15',
    });
    expect(created.statusCode).toBe(201);
    ids.cohort = created.json().id;
    const members = await call(staff, 'PUT', `${base}/${ids.cohort}/members`, {
      organisationIds: [ids.chorus],
    });
    expect(members.json().members).toEqual([{ id: ids.chorus, name: 'CHORUS' }]);
    const foreign = await call(staff, 'PUT', `${base}/${ids.cohort}/sessions`, {
      actionIds: [ids.action, ids.foreignAction],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.fields[0]).toMatchObject({
      field: 'actionIds.1',
      message: "Cette action n'existe pas dans la délégation.",
    });
    const sessions = await call(staff, 'PUT', `${base}/${ids.cohort}/sessions`, { actionIds: [ids.action] });
    expect(sessions.json().sessions).toEqual([
      { id: ids.action, title: 'Atelier CAP RSE n°1', startsOn: '2025-02-11' },
    ]);
    expect((await call(board, 'GET', base)).json()).toHaveLength(1);
  });

  it('lets only staff write, members not read, other delegations not see', async () => {
    expect((await call(board, 'POST', base, { name: 'X', programme: 'CAP' })).statusCode).toBe(403);
    expect((await call(board, 'DELETE', `${base}/${ids.cohort}`)).statusCode).toBe(403);
    expect((await call(member, 'GET', base)).statusCode).toBe(403);
    expect((await call(otherStaff, 'GET', base)).json()).toEqual([]);
    const put = await call(otherStaff, 'PUT', `${base}/${ids.cohort}`, { name: 'X', programme: 'CAP' });
    expect(put.statusCode).toBe(404);
  });

  it('exports the cohorts to XLSX', async () => {
    const response = await call(board, 'GET', `${base}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Groupes')!.getRow(2);
    expect(row.getCell(1).value).toBe('Groupe test');
    expect(row.getCell(3).value).toEqual(new Date('2025-01-15T00:00:00Z'));
    expect(row.getCell(4).value).toBe(1);
    expect(row.getCell(5).value).toBe('CHORUS');
  });
});
