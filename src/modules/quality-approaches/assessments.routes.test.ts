import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFieldError, expectFieldNames, routeWorld } from '../../test/route-world.ts';

const w = routeWorld();
const { call } = w;

let member: string;
let otherMember: string;
const ids: Record<string, string> = {};
const base = '/api/quality-approaches';

const levels = [1, 2, 3, 4].map((level) => ({ level, label: `Niveau ${level}` }));
const smallGrid = {
  name: 'Grille test',
  pillars: [
    {
      id: 'social',
      label: 'Projet social',
      criteria: [
        { id: 's1', label: 'S1', levels },
        { id: 's2', label: 'S2', levels },
      ],
    },
    { id: 'env', label: 'Environnement', criteria: [{ id: 'e1', label: 'E1', levels }] },
  ],
};

beforeAll(async () => {
  Object.assign(
    ids,
    await w.addOrganisations(w.staff, { chorus: { postcode: '46100', types: ['ACI'] }, regain: {} }),
  );
  member = await w.as('member', ids.chorus);
  otherMember = await w.as('member', ids.regain);
});

describe('self-assessment grids', () => {
  it('loads the default grid only when staff ask for it', async () => {
    expect((await call(w.staff, 'GET', `${base}/grids`)).json()).toEqual([]);
    expect((await call(member, 'POST', `${base}/grids/default`)).statusCode).toBe(403);
    const loaded = await call(w.staff, 'POST', `${base}/grids/default`);
    expect(loaded.statusCode).toBe(201);
    expect(loaded.json().pillars.map((p: { label: string }) => p.label)).toEqual([
      'Cœur de métier IAE',
      'Ancrage territorial',
      'Projet social',
      'Participation des salariés',
      'Environnement',
    ]);
  });

  it('refuses duplicate ids and gaps in levels, in French on the field', async () => {
    const bad = structuredClone(smallGrid);
    bad.pillars[1]!.id = 'social';
    bad.pillars[1]!.criteria[0]!.levels = [levels[0]!, levels[2]!];
    const response = await call(w.staff, 'POST', `${base}/grids`, bad);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields).toEqual([
      expect.objectContaining({ field: 'pillars.1.id', code: 'qualityApproaches.duplicate_id' }),
      expect.objectContaining({
        field: 'pillars.1.criteria.0.levels',
        message: 'Les niveaux de maturité doivent être numérotés de 1 à n, sans trou ni doublon.',
      }),
    ]);
    const empty = await call(w.staff, 'POST', `${base}/grids`, { name: '', pillars: [] });
    expectFieldNames(empty, 400, ['name', 'pillars']);
    const created = await call(w.staff, 'POST', `${base}/grids`, smallGrid);
    expect(created.statusCode).toBe(201);
    ids.grid = created.json().id;
    expect((await call(w.board, 'PUT', `${base}/grids/${ids.grid}`, smallGrid)).statusCode).toBe(403);
    expect((await call(w.otherStaff, 'GET', `${base}/grids/${ids.grid}`)).statusCode).toBe(404);
  });
});

describe('assessments', () => {
  it('lets a member fill in its own, completing only when every criterion is answered', async () => {
    const unknown = await call(member, 'POST', `${base}/assessments`, {
      gridId: ids.grid,
      assessedOn: '2024-03-01',
      answers: { s1: 0 },
    });
    expect(unknown.statusCode).toBe(400);
    const wrong = await call(member, 'POST', `${base}/assessments`, {
      gridId: ids.grid,
      assessedOn: '2024-03-01',
      answers: { zz: 1 },
    });
    expectFieldError(wrong, 422, { field: 'answers.zz', code: 'qualityApproaches.unknown_criterion' });
    const draft = await call(member, 'POST', `${base}/assessments`, {
      gridId: ids.grid,
      assessedOn: '2024-03-01',
      answers: { s1: 2 },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ organisationId: ids.chorus, status: 'draft' });
    ids.first = draft.json().id;
    const early = await call(member, 'POST', `${base}/assessments/${ids.first}/complete`);
    expectFieldNames(early, 422, ['answers.s2', 'answers.e1']);
    await call(member, 'PATCH', `${base}/assessments/${ids.first}`, { answers: { s1: 2, s2: 3, e1: 1 } });
    const done = await call(member, 'POST', `${base}/assessments/${ids.first}/complete`);
    expect(done.statusCode).toBe(200);
    // s1: 1/3, s2: 2/3 → 50; e1: level 1 → 0.
    expect(done.json()).toMatchObject({ status: 'done', scores: { social: 50, env: 0 } });
    const locked = await call(member, 'PATCH', `${base}/assessments/${ids.first}`, { answers: { s1: 4 } });
    expect(locked.statusCode).toBe(409);
  });

  it('shows the progress from one assessment to the next', async () => {
    const second = await call(member, 'POST', `${base}/assessments`, {
      gridId: ids.grid,
      assessedOn: '2025-03-01',
      answers: { s1: 4, s2: 4, e1: 2 },
    });
    await call(member, 'POST', `${base}/assessments/${second.json().id}/complete`);
    const progress = await call(member, 'GET', `${base}/organisations/${ids.chorus}/progress`);
    expect(progress.json().items.map((i: object) => ({ ...i }))).toEqual([
      expect.objectContaining({ assessedOn: '2024-03-01', changes: { social: null, env: null } }),
      expect.objectContaining({
        assessedOn: '2025-03-01',
        scores: { social: 100, env: 33 },
        changes: { social: 50, env: 33 },
        pillars: [
          { id: 'social', label: 'Projet social' },
          { id: 'env', label: 'Environnement' },
        ],
      }),
    ]);
  });

  it('keeps each member to its own, board read-only, other delegations out', async () => {
    expect((await call(otherMember, 'GET', `${base}/assessments`)).json()).toEqual([]);
    expect((await call(otherMember, 'GET', `${base}/assessments/${ids.first}`)).statusCode).toBe(404);
    expect((await call(otherMember, 'GET', `${base}/organisations/${ids.chorus}/progress`)).statusCode).toBe(
      403,
    );
    const forOther = await call(otherMember, 'POST', `${base}/assessments`, {
      organisationId: ids.chorus,
      gridId: ids.grid,
      assessedOn: '2024-03-01',
    });
    expect(forOther.statusCode).toBe(403);
    expect((await call(w.board, 'GET', `${base}/assessments`)).json()).toHaveLength(2);
    const byBoard = await call(w.board, 'POST', `${base}/assessments`, {
      organisationId: ids.chorus,
      gridId: ids.grid,
      assessedOn: '2024-03-01',
    });
    expect(byBoard.statusCode).toBe(403);
    expect((await call(w.otherStaff, 'GET', `${base}/assessments`)).json()).toEqual([]);
    expect(
      (await call(w.otherStaff, 'GET', `${base}/organisations/${ids.chorus}/progress`)).json().items,
    ).toEqual([]);
    expect((await call(w.staff, 'DELETE', `${base}/grids/${ids.grid}`)).statusCode).toBe(409);
  });

  it('exports the assessments with one score column per pillar', async () => {
    const response = await call(w.staff, 'GET', `${base}/assessments.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Auto-évaluations')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Adhérent',
      'Grille',
      'Date',
      'État',
      'Score env',
      'Score social',
    ]);
    expect(sheet.getRow(2).getCell(6).value).toBe(100);
  });
});

describe('progress plan', () => {
  it('lets a member keep its own actions, staff any', async () => {
    const missing = await call(member, 'POST', `${base}/progress-actions`, { title: '' });
    expectFieldError(missing, 400, { field: 'title', message: 'Ce champ est obligatoire.' });
    const created = await call(member, 'POST', `${base}/progress-actions`, {
      assessmentId: ids.first,
      criterionId: 'e1',
      title: 'Mettre en place le tri des déchets',
      owner: 'Responsable technique',
      dueOn: '2025-09-30',
    });
    expect(created.statusCode).toBe(201);
    ids.action = created.json().id;
    const foreign = await call(otherMember, 'POST', `${base}/progress-actions`, {
      assessmentId: ids.first,
      title: 'Pas à moi',
    });
    expect(foreign.statusCode).toBe(422);
    expect(
      (await call(otherMember, 'PATCH', `${base}/progress-actions/${ids.action}`, { status: 'done' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(w.board, 'PATCH', `${base}/progress-actions/${ids.action}`, { status: 'done' })).statusCode,
    ).toBe(403);
    const updated = await call(w.staff, 'PATCH', `${base}/progress-actions/${ids.action}`, {
      status: 'in_progress',
    });
    expect(updated.json().status).toBe('in_progress');
    expect((await call(otherMember, 'GET', `${base}/progress-actions`)).json()).toEqual([]);
    const response = await call(member, 'GET', `${base}/progress-actions.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Plan de progrès')!.getRow(2);
    expect(row.getCell(2).value).toBe('Mettre en place le tri des déchets');
    expect(row.getCell(5).value).toEqual(new Date('2025-09-30T00:00:00Z'));
    expect(row.getCell(6).value).toBe('En cours');
    expect((await call(member, 'DELETE', `${base}/progress-actions/${ids.action}`)).statusCode).toBe(204);
  });
});
