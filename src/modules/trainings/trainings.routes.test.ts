import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import {
  createDelegation,
  createTestApp,
  type HttpMethod,
  request,
  signedInAs,
  type TestApp,
} from '../../test/app.ts';
import { actions, partners } from '../actions/actions.table.ts';

let t: TestApp;
let staff: string;
let board: string;
let member: string;
let otherStaff: string;
const ids: Record<string, string> = {};

const call = (cookie: string, method: HttpMethod, url: string, payload?: object) =>
  request(t, cookie, method, url, payload);

// Partners are another feature's records: written directly, as the demo loader would.
async function addPartner(delegationId: string, name: string, kind: 'region' | 'training_body') {
  return withTenant(t.database.db, { delegationId, userId: null }, async (tx) => {
    const [row] = await tx.insert(partners).values({ name, kind }).returning({ id: partners.id });
    return row?.id as string;
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  ids.uniformation = await addPartner(a.id, 'Uniformation', 'training_body');
  ids.region = await addPartner(a.id, 'Région Occitanie', 'region');
  ids.foreignPartner = await addPartner(b.id, 'Ailleurs Formation', 'training_body');
  ids.action = await withTenant(t.database.db, { delegationId: a.id, userId: null }, async (tx) => {
    const [row] = await tx
      .insert(actions)
      .values({ title: 'Formation SST', kind: 'training', startsOn: '2024-04-02', endsOn: '2024-04-03' })
      .returning({ id: actions.id });
    return row?.id as string;
  });
  const chorus = await call(staff, 'POST', '/api/members/organisations', {
    name: 'CHORUS',
    establishment: { postcode: '12300' },
    joinedOn: '2020-01-01',
  });
  ids.chorus = chorus.json().id;
  const foreign = await call(otherStaff, 'POST', '/api/members/organisations', {
    name: 'AILLEURS',
    establishment: { postcode: '09000' },
    joinedOn: '2020-01-01',
  });
  ids.foreignOrganisation = foreign.json().id;
  member = (await signedInAs(t, { delegationId: a.id, role: 'member', organisationId: ids.chorus })).cookie;
});
afterAll(() => t.close());

describe('trainings', () => {
  it('creates sessions, refusing bad input in French, field by field', async () => {
    const noTitle = await call(staff, 'POST', '/api/trainings', {
      startsOn: '2024-04-02',
      endsOn: '2024-04-03',
    });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.fields[0]).toMatchObject({
      field: 'title',
      message: 'Ce champ est obligatoire.',
    });
    const wrong = await call(staff, 'POST', '/api/trainings', {
      title: 'Sauveteur secouriste du travail',
      startsOn: '2024-04-03',
      endsOn: '2024-04-02',
      providerId: ids.foreignPartner,
      department: '00',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toEqual([
      {
        field: 'endsOn',
        code: 'trainings.ends_before_starts',
        message: 'La date de fin ne peut pas précéder la date de début.',
      },
      expect.objectContaining({ field: 'providerId', code: 'trainings.partner_unknown' }),
      expect.objectContaining({ field: 'department', code: 'trainings.department_invalid' }),
    ]);
    const counted = await call(staff, 'POST', '/api/trainings', {
      title: 'Sauveteur secouriste du travail',
      providerId: ids.uniformation,
      funderId: ids.region,
      startsOn: '2024-04-02',
      endsOn: '2024-04-03',
      town: 'Toulouse',
      department: '31',
      traineesCount: 12,
      hoursTotal: 84,
      organisationsCount: 5,
      actionId: ids.action,
    });
    expect(counted.statusCode).toBe(201);
    expect(counted.json()).toMatchObject({
      providerName: 'Uniformation',
      funderName: 'Région Occitanie',
      computed: { basis: 'counts', trainees: 12, hours: 84, organisations: 5 },
    });
    ids.counted = counted.json().id;
    const body = {
      title: 'Encadrement technique',
      startsOn: '2024-09-10',
      endsOn: '2024-09-12',
      traineesCount: 30,
    };
    expect((await call(board, 'POST', '/api/trainings', body)).statusCode).toBe(403);
    expect((await call(member, 'POST', '/api/trainings', body)).statusCode).toBe(403);
    ids.named = (await call(staff, 'POST', '/api/trainings', body)).json().id;
    ids.old = (
      await call(staff, 'POST', '/api/trainings', {
        title: 'Ancienne',
        startsOn: '2023-05-01',
        endsOn: '2023-05-01',
        traineesCount: 4,
      })
    ).json().id;
  });

  it('counts a session from its named trainees when it has any', async () => {
    const url = `/api/trainings/${ids.named}/trainees`;
    const noHours = await call(staff, 'POST', url, { firstName: 'Léa', lastName: 'Martin', hours: 0 });
    expect(noHours.statusCode).toBe(400);
    expect(noHours.json().error.fields[0].field).toBe('hours');
    const foreign = await call(staff, 'POST', url, {
      organisationId: ids.foreignOrganisation,
      firstName: 'Léa',
      lastName: 'Martin',
      hours: 7,
    });
    expect(foreign.json().error.fields[0]).toMatchObject({
      field: 'organisationId',
      code: 'trainings.organisation_unknown',
    });
    await call(staff, 'POST', url, {
      organisationId: ids.chorus,
      firstName: 'Léa',
      lastName: 'Martin',
      hours: 7,
    });
    const second = await call(staff, 'POST', url, {
      firstName: 'Paul',
      lastName: 'Durand',
      jobTitle: 'Encadrant',
      hours: 14.5,
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().computed).toEqual({ basis: 'trainees', trainees: 2, hours: 21.5, organisations: 1 });
    expect(second.json().trainees.map((p: { lastName: string }) => p.lastName)).toEqual(['Durand', 'Martin']);
    ids.paul = second.json().trainees[0].id;
    expect((await call(board, 'POST', url, { firstName: 'X', lastName: 'Y', hours: 1 })).statusCode).toBe(
      403,
    );
  });

  it('lists a year and totals it, the declared figures beside the computed ones, never added', async () => {
    const list = (await call(board, 'GET', '/api/trainings?year=2024')).json();
    expect(list.items.map((s: { title: string }) => s.title)).toEqual([
      'Encadrement technique',
      'Sauveteur secouriste du travail',
    ]);
    expect((await call(board, 'GET', '/api/trainings')).json().items).toHaveLength(3);
    const before = (await call(board, 'GET', '/api/trainings/totals?year=2024')).json();
    expect(before).toEqual({
      year: 2024,
      computed: { sessions: 2, trainees: 14, hours: 105.5, sources: { fromTrainees: 1, fromCounts: 1 } },
      declared: {},
    });
    for (const [key, value, unit] of [
      ['trainees', 101, 'count'],
      ['trainingHours', 1761, 'hours'],
    ] as const) {
      const put = await call(staff, 'PUT', `/api/figures/declared/2024/${key}`, {
        value,
        unit,
        label: key === 'trainees' ? 'Stagiaires formés' : 'Heures de formation',
        source: "Rapport d'activité 2024",
      });
      expect(put.statusCode).toBe(201);
    }
    const after = (await call(board, 'GET', '/api/trainings/totals?year=2024')).json();
    expect(after.computed).toEqual(before.computed);
    expect(after.declared).toMatchObject({
      trainees: { value: 101, unit: 'count', source: "Rapport d'activité 2024" },
      trainingHours: { value: 1761, unit: 'hours' },
    });
    expect((await call(member, 'GET', '/api/trainings/totals?year=2024')).statusCode).toBe(403);
    expect((await call(board, 'GET', '/api/trainings/totals')).statusCode).toBe(400);
  });

  it('edits and deletes, falling back to the session counts once no trainee is named', async () => {
    const backwards = await call(staff, 'PATCH', `/api/trainings/${ids.named}`, { endsOn: '2024-09-01' });
    expect(backwards.json().error.fields[0]).toMatchObject({
      field: 'endsOn',
      code: 'trainings.ends_before_starts',
    });
    const edited = await call(staff, 'PATCH', `/api/trainings/${ids.counted}`, {
      town: '',
      trainer: 'Marc Blanc',
    });
    expect(edited.json()).toMatchObject({ town: null, trainer: 'Marc Blanc', department: '31' });
    expect((await call(staff, 'DELETE', `/api/trainings/${ids.named}/trainees/${ids.paul}`)).statusCode).toBe(
      204,
    );
    const one = (await call(staff, 'GET', `/api/trainings/${ids.named}`)).json();
    expect(one.computed).toMatchObject({ basis: 'trainees', trainees: 1, hours: 7 });
    const lea = one.trainees[0].id;
    expect((await call(staff, 'DELETE', `/api/trainings/${ids.counted}/trainees/${lea}`)).statusCode).toBe(
      404,
    );
    await call(staff, 'DELETE', `/api/trainings/${ids.named}/trainees/${lea}`);
    const none = (await call(staff, 'GET', `/api/trainings/${ids.named}`)).json();
    expect(none.computed).toMatchObject({ basis: 'counts', trainees: 30, hours: 0 });
    expect((await call(board, 'DELETE', `/api/trainings/${ids.old}`)).statusCode).toBe(403);
    expect((await call(staff, 'DELETE', `/api/trainings/${ids.old}`)).statusCode).toBe(204);
    expect((await call(staff, 'GET', `/api/trainings/${ids.old}`)).statusCode).toBe(404);
  });

  it('stays within the delegation', async () => {
    expect((await call(otherStaff, 'GET', '/api/trainings?year=2024')).json().items).toEqual([]);
    expect((await call(otherStaff, 'GET', `/api/trainings/${ids.counted}`)).statusCode).toBe(404);
    expect(
      (await call(otherStaff, 'PATCH', `/api/trainings/${ids.counted}`, { title: 'X' })).statusCode,
    ).toBe(404);
    const totals = (await call(otherStaff, 'GET', '/api/trainings/totals?year=2024')).json();
    expect(totals).toMatchObject({ computed: { sessions: 0, trainees: 0, hours: 0 }, declared: {} });
  });
});
