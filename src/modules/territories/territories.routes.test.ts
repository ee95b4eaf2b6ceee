import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { fieldNames, routeWorld } from '../../test/route-world.ts';
import { actions } from '../actions/actions.table.ts';
import { putDeclaredFigure } from '../figures/figures.service.ts';
import { supportFiles } from '../support/support.table.ts';

const w = routeWorld();
const { call } = w;

let member: string;
let otherMember: string;
const ids: Record<string, string> = {};

const base = '/api/territories/projects';

beforeAll(async () => {
  Object.assign(ids, await w.addOrganisations(w.staff, { abeille: {}, regain: { types: ['AI'] } }));
  member = await w.as('member', ids.abeille);
  otherMember = await w.as('member', ids.regain);
  await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, async (tx) => {
    const [action] = await tx
      .insert(actions)
      .values({
        title: 'Comité régional des partenaires',
        kind: 'committee',
        startsOn: '2024-09-12',
        endsOn: '2024-09-12',
      })
      .returning();
    const [file] = await tx
      .insert(supportFiles)
      .values({
        organisationId: ids.regain!,
        subject: 'other',
        title: 'Appui au PTCE',
        openedOn: '2024-01-10',
      })
      .returning();
    ids.action = action!.id;
    ids.file = file!.id;
    await putDeclaredFigure(tx, 2024, 'ptcePhase1', {
      value: 11,
      unit: 'count',
      label: 'PTCE en phase 1',
      source: '11 PTCE phase 1',
    });
  });
});

describe('territorial projects', () => {
  it('refuses fields of another kind and unknown departments, on the field, in French', async () => {
    const bad = await call(w.staff, 'POST', base, {
      kind: 'zest',
      name: 'ZEST’ BTP',
      departments: ['34', '99'],
      phase: 1,
      authorisedOn: '2024-01-01',
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code]);
    expect(fields).toEqual([
      ['departments.1', 'territories.department_unknown'],
      ['phase', 'territories.phase_only_ptce'],
      ['authorisedOn', 'territories.tzcld_only'],
    ]);
    expect(bad.json().error.fields[1].message).toMatch(/Seul un PTCE/);
    const phase3 = await call(w.staff, 'POST', base, { kind: 'ptce', name: 'PTCE', phase: 3 });
    expect(phase3.json().error.fields[0]).toMatchObject({
      field: 'phase',
      code: 'territories.phase_invalid',
    });
    const malformed = await call(w.staff, 'POST', base, { kind: 'other', name: '', extra: 1 });
    expect(malformed.statusCode).toBe(400);
    expect(fieldNames(malformed).sort()).toEqual(['body', 'kind', 'name']);
  });

  it('keeps projects, members, links and sessions, and checks rights', async () => {
    const tzcld = await call(w.staff, 'POST', base, {
      kind: 'tzcld',
      name: 'Lodève',
      departments: ['34'],
      status: 'authorised',
      ebeName: "L'Abeille Verte",
      ebeOrganisationId: ids.abeille,
    });
    expect(tzcld.statusCode).toBe(201);
    ids.tzcld = tzcld.json().id;
    const ptce = await call(w.staff, 'POST', base, {
      kind: 'ptce',
      name: 'PTCE EDENN',
      departments: ['31'],
      phase: 2,
    });
    ids.ptce = ptce.json().id;
    const zest = await call(w.staff, 'POST', base, {
      kind: 'zest',
      name: 'ZEST’',
      sector: 'BTP',
      departments: ['34'],
    });
    ids.zest = zest.json().id;

    expect((await call(w.board, 'POST', base, { kind: 'ptce', name: 'X' })).statusCode).toBe(403);
    expect((await call(member, 'POST', base, { kind: 'ptce', name: 'X' })).statusCode).toBe(403);
    expect((await call(w.staff, 'PATCH', `${base}/${ids.ptce}`, { sector: 'BTP' })).statusCode).toBe(422);
    expect((await call(w.staff, 'PATCH', `${base}/${ids.ptce}`, { phase: 1 })).json().phase).toBe(1);

    expect(
      (await call(w.staff, 'POST', `${base}/${ids.ptce}/members`, { organisationId: ids.regain })).statusCode,
    ).toBe(201);
    expect(
      (await call(w.staff, 'POST', `${base}/${ids.ptce}/members`, { organisationId: ids.regain })).statusCode,
    ).toBe(409);
    expect(
      (await call(w.staff, 'POST', `${base}/${ids.ptce}/links`, { actionId: ids.action })).statusCode,
    ).toBe(201);
    expect(
      (await call(w.staff, 'POST', `${base}/${ids.ptce}/links`, { supportFileId: ids.file })).statusCode,
    ).toBe(201);
    expect(
      (await call(w.staff, 'POST', `${base}/${ids.ptce}/links`, { actionId: ids.action })).statusCode,
    ).toBe(409);

    const noSession = await call(w.staff, 'POST', `${base}/${ids.ptce}/sessions`, { title: 'S1' });
    expect(noSession.json().error.code).toBe('territories.sessions_only_zest');
    const backwards = await call(w.staff, 'POST', `${base}/${ids.zest}/sessions`, {
      title: 'S1',
      startsOn: '2024-05-10',
      endsOn: '2024-05-01',
    });
    expect(backwards.json().error.fields[0].field).toBe('endsOn');
    const session = await call(w.staff, 'POST', `${base}/${ids.zest}/sessions`, {
      title: 'Session BTP',
      startsOn: '2024-05-01',
      traineesCount: 12,
    });
    expect(session.statusCode).toBe(201);
    await call(w.staff, 'POST', `${base}/${ids.zest}/sessions`, { title: 'Non datée', traineesCount: 4 });
    expect(
      (await call(w.staff, 'PATCH', `${base}/${ids.zest}`, { kind: 'ptce', sector: null })).statusCode,
    ).toBe(409);

    const detail = (await call(w.board, 'GET', `${base}/${ids.ptce}`)).json();
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['REGAIN']);
    expect(detail.actions[0].title).toBe('Comité régional des partenaires');
    expect(detail.supportFiles[0].title).toBe('Appui au PTCE');

    // A member user reads only the projects its organisation is involved in, without others' files.
    const mine = (await call(member, 'GET', base)).json().items.map((p: { name: string }) => p.name);
    expect(mine).toEqual(['Lodève']);
    expect((await call(member, 'GET', `${base}/${ids.ptce}`)).statusCode).toBe(404);
    const involved = (await call(otherMember, 'GET', `${base}/${ids.ptce}`)).json();
    expect(involved.supportFiles).toHaveLength(1);
    expect(involved.actions).toHaveLength(0);
    expect((await call(member, 'GET', '/api/territories/stats?year=2024')).statusCode).toBe(403);

    // Another delegation sees nothing.
    expect((await call(w.otherStaff, 'GET', base)).json().items).toEqual([]);
    expect((await call(w.otherStaff, 'GET', `${base}/${ids.ptce}`)).statusCode).toBe(404);
    expect((await call(w.otherStaff, 'DELETE', `${base}/${ids.ptce}`)).statusCode).toBe(404);
  });

  it('filters the list and exports it to XLSX', async () => {
    const filtered = (await call(w.board, 'GET', `${base}?kind=tzcld&department=34`)).json().items;
    expect(filtered.map((p: { name: string }) => p.name)).toEqual(['Lodève']);
    const file = await call(w.board, 'GET', `${base}/export.xlsx?department=34`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Nom');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(4).value).toBe('34');
  });

  it('counts the year from the records and shows the declared figures apart', async () => {
    const stats = (await call(w.board, 'GET', '/api/territories/stats?year=2024')).json();
    expect(stats.computed).toEqual({
      ptcePhase1: 1,
      ptcePhase2: 0,
      ptcePhaseUnknown: 0,
      tzcldTerritories: 1,
      zestProgrammes: 1,
      zestSessions: 1,
      zestTrainees: 12,
      zestUndatedSessions: 1,
    });
    expect(stats.declared.ptcePhase1).toMatchObject({ value: 11, label: 'PTCE en phase 1' });
    expect(stats.declared.zestSessions).toBeNull();
    const before = (await call(w.board, 'GET', '/api/territories/stats?year=2023')).json();
    expect(before.computed.zestSessions).toBe(0);
    expect(before.declared.ptcePhase1).toBeNull();
    expect((await call(w.board, 'GET', '/api/territories/stats?year=abc')).statusCode).toBe(400);
  });

  it('counts projects per department and kind for the map', async () => {
    const map = (await call(w.board, 'GET', '/api/territories/map')).json();
    const herault = map.departments.find((d: { code: string }) => d.code === '34');
    expect(herault).toMatchObject({ name: 'Hérault', ptce: 0, tzcld: 1, zest: 1, total: 2 });
    expect(map.departments.find((d: { code: string }) => d.code === '31')).toMatchObject({ ptce: 1 });
    expect(map.withoutDepartment).toBe(0);
  });

  it('deletes links, members, sessions and projects', async () => {
    const detail = (await call(w.staff, 'GET', `${base}/${ids.ptce}`)).json();
    const linkId = detail.actions[0].linkId;
    expect((await call(w.staff, 'DELETE', `${base}/${ids.ptce}/links/${linkId}`)).statusCode).toBe(204);
    expect((await call(w.staff, 'DELETE', `${base}/${ids.ptce}/links/${linkId}`)).statusCode).toBe(404);
    const memberId = detail.members[0].id;
    expect((await call(w.board, 'DELETE', `${base}/${ids.ptce}/members/${memberId}`)).statusCode).toBe(403);
    expect((await call(w.staff, 'DELETE', `${base}/${ids.ptce}/members/${memberId}`)).statusCode).toBe(204);
    const sessions = (await call(w.staff, 'GET', `${base}/${ids.zest}`)).json().sessions;
    const patched = await call(w.staff, 'PATCH', `${base}/${ids.zest}/sessions/${sessions[0].id}`, {
      traineesCount: 13,
    });
    expect(patched.json().traineesCount).toBe(13);
    expect((await call(w.staff, 'DELETE', `${base}/${ids.zest}/sessions/${sessions[0].id}`)).statusCode).toBe(
      204,
    );
    expect((await call(w.staff, 'DELETE', `${base}/${ids.zest}`)).statusCode).toBe(204);
    expect((await call(w.staff, 'GET', `${base}/${ids.zest}`)).statusCode).toBe(404);
    expect(w.delegationId).toBeTruthy();
  });
});
