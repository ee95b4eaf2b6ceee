import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { expectFieldError, routeWorld } from '../../test/route-world.ts';
import { actions, partners } from '../actions/actions.table.ts';

const w = routeWorld();
const { call } = w;

let member: string;
const ids: Record<string, string> = {};

// Partners are another feature's records: written directly, as the demo loader would.
async function addPartner(delegationId: string, name: string, kind: 'region' | 'training_body') {
  return withTenant(w.t.database.db, { delegationId, userId: null }, async (tx) => {
    const [row] = await tx.insert(partners).values({ name, kind }).returning({ id: partners.id });
    return row?.id as string;
  });
}

beforeAll(async () => {
  ids.uniformation = await addPartner(w.delegationId, 'Uniformation', 'training_body');
  ids.region = await addPartner(w.delegationId, 'Région Occitanie', 'region');
  ids.foreignPartner = await addPartner(w.otherDelegationId, 'Ailleurs Formation', 'training_body');
  ids.action = await withTenant(
    w.t.database.db,
    { delegationId: w.delegationId, userId: null },
    async (tx) => {
      const [row] = await tx
        .insert(actions)
        .values({ title: 'Formation SST', kind: 'training', startsOn: '2024-04-02', endsOn: '2024-04-03' })
        .returning({ id: actions.id });
      return row?.id as string;
    },
  );
  ids.chorus = await w.addOrganisation(w.staff, {
    name: 'CHORUS',
    postcode: '12300',
    joinedOn: '2020-01-01',
  });
  ids.foreignOrganisation = await w.addOrganisation(w.otherStaff, {
    name: 'AILLEURS',
    postcode: '09000',
    joinedOn: '2020-01-01',
  });
  member = await w.as('member', ids.chorus);
});

describe('trainings', () => {
  it('creates sessions, refusing bad input in French, field by field', async () => {
    const noTitle = await call(w.staff, 'POST', '/api/trainings', {
      startsOn: '2024-04-02',
      endsOn: '2024-04-03',
    });
    expectFieldError(noTitle, 400, { field: 'title', message: 'Ce champ est obligatoire.' });
    const wrong = await call(w.staff, 'POST', '/api/trainings', {
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
    const counted = await call(w.staff, 'POST', '/api/trainings', {
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
    expect((await call(w.board, 'POST', '/api/trainings', body)).statusCode).toBe(403);
    expect((await call(member, 'POST', '/api/trainings', body)).statusCode).toBe(403);
    ids.named = (await call(w.staff, 'POST', '/api/trainings', body)).json().id;
    ids.old = (
      await call(w.staff, 'POST', '/api/trainings', {
        title: 'Ancienne',
        startsOn: '2023-05-01',
        endsOn: '2023-05-01',
        traineesCount: 4,
      })
    ).json().id;
  });

  it('counts a session from its named trainees when it has any', async () => {
    const url = `/api/trainings/${ids.named}/trainees`;
    const noHours = await call(w.staff, 'POST', url, { firstName: 'Léa', lastName: 'Martin', hours: 0 });
    expect(noHours.statusCode).toBe(400);
    expect(noHours.json().error.fields[0].field).toBe('hours');
    const foreign = await call(w.staff, 'POST', url, {
      organisationId: ids.foreignOrganisation,
      firstName: 'Léa',
      lastName: 'Martin',
      hours: 7,
    });
    expect(foreign.json().error.fields[0]).toMatchObject({
      field: 'organisationId',
      code: 'trainings.organisation_unknown',
    });
    await call(w.staff, 'POST', url, {
      organisationId: ids.chorus,
      firstName: 'Léa',
      lastName: 'Martin',
      hours: 7,
    });
    const second = await call(w.staff, 'POST', url, {
      firstName: 'Paul',
      lastName: 'Durand',
      jobTitle: 'Encadrant',
      hours: 14.5,
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().computed).toEqual({ basis: 'trainees', trainees: 2, hours: 21.5, organisations: 1 });
    expect(second.json().trainees.map((p: { lastName: string }) => p.lastName)).toEqual(['Durand', 'Martin']);
    ids.paul = second.json().trainees[0].id;
    expect((await call(w.board, 'POST', url, { firstName: 'X', lastName: 'Y', hours: 1 })).statusCode).toBe(
      403,
    );
  });

  it('lists a year and totals it, the declared figures beside the computed ones, never added', async () => {
    const list = (await call(w.board, 'GET', '/api/trainings?year=2024')).json();
    expect(list.items.map((s: { title: string }) => s.title)).toEqual([
      'Encadrement technique',
      'Sauveteur secouriste du travail',
    ]);
    expect((await call(w.board, 'GET', '/api/trainings')).json().items).toHaveLength(3);
    const before = (await call(w.board, 'GET', '/api/trainings/totals?year=2024')).json();
    expect(before).toEqual({
      year: 2024,
      computed: { sessions: 2, trainees: 14, hours: 105.5, sources: { fromTrainees: 1, fromCounts: 1 } },
      declared: {},
    });
    for (const [key, value, unit] of [
      ['trainees', 101, 'count'],
      ['trainingHours', 1761, 'hours'],
    ] as const) {
      const put = await call(w.staff, 'PUT', `/api/figures/declared/2024/${key}`, {
        value,
        unit,
        label: key === 'trainees' ? 'Stagiaires formés' : 'Heures de formation',
        source: "Rapport d'activité 2024",
      });
      expect(put.statusCode).toBe(201);
    }
    const after = (await call(w.board, 'GET', '/api/trainings/totals?year=2024')).json();
    expect(after.computed).toEqual(before.computed);
    expect(after.declared).toMatchObject({
      trainees: { value: 101, unit: 'count', source: "Rapport d'activité 2024" },
      trainingHours: { value: 1761, unit: 'hours' },
    });
    expect((await call(member, 'GET', '/api/trainings/totals?year=2024')).statusCode).toBe(403);
    expect((await call(w.board, 'GET', '/api/trainings/totals')).statusCode).toBe(400);
  });

  it('edits and deletes, falling back to the session counts once no trainee is named', async () => {
    const backwards = await call(w.staff, 'PATCH', `/api/trainings/${ids.named}`, { endsOn: '2024-09-01' });
    expect(backwards.json().error.fields[0]).toMatchObject({
      field: 'endsOn',
      code: 'trainings.ends_before_starts',
    });
    const edited = await call(w.staff, 'PATCH', `/api/trainings/${ids.counted}`, {
      town: '',
      trainer: 'Marc Blanc',
    });
    expect(edited.json()).toMatchObject({ town: null, trainer: 'Marc Blanc', department: '31' });
    expect(
      (await call(w.staff, 'DELETE', `/api/trainings/${ids.named}/trainees/${ids.paul}`)).statusCode,
    ).toBe(204);
    const one = (await call(w.staff, 'GET', `/api/trainings/${ids.named}`)).json();
    expect(one.computed).toMatchObject({ basis: 'trainees', trainees: 1, hours: 7 });
    const lea = one.trainees[0].id;
    expect((await call(w.staff, 'DELETE', `/api/trainings/${ids.counted}/trainees/${lea}`)).statusCode).toBe(
      404,
    );
    await call(w.staff, 'DELETE', `/api/trainings/${ids.named}/trainees/${lea}`);
    const none = (await call(w.staff, 'GET', `/api/trainings/${ids.named}`)).json();
    expect(none.computed).toMatchObject({ basis: 'counts', trainees: 30, hours: 0 });
    expect((await call(w.board, 'DELETE', `/api/trainings/${ids.old}`)).statusCode).toBe(403);
    expect((await call(w.staff, 'DELETE', `/api/trainings/${ids.old}`)).statusCode).toBe(204);
    expect((await call(w.staff, 'GET', `/api/trainings/${ids.old}`)).statusCode).toBe(404);
  });

  it('stays within the delegation', async () => {
    expect((await call(w.otherStaff, 'GET', '/api/trainings?year=2024')).json().items).toEqual([]);
    expect((await call(w.otherStaff, 'GET', `/api/trainings/${ids.counted}`)).statusCode).toBe(404);
    expect(
      (await call(w.otherStaff, 'PATCH', `/api/trainings/${ids.counted}`, { title: 'X' })).statusCode,
    ).toBe(404);
    const totals = (await call(w.otherStaff, 'GET', '/api/trainings/totals?year=2024')).json();
    expect(totals).toMatchObject({ computed: { sessions: 0, trainees: 0, hours: 0 }, declared: {} });
  });
});
