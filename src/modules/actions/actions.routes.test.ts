import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { fieldNames, routeWorld } from '../../test/route-world.ts';
import { practiceGroups } from '../practice-groups/practice-groups.table.ts';

const w = routeWorld();
const { call } = w;

const ids: Record<string, string> = {};

const fieldsOf = (response: { json(): { error: { fields: { field: string; code: string }[] } } }) =>
  response.json().error.fields.map((f) => `${f.field}:${f.code}`);

beforeAll(async () => {
  ids.chorus = (await w.addOrganisations(w.staff, { chorus: { joinedOn: '2024-01-01' } })).chorus;
  ids.foreignMember = await w.addOrganisation(w.otherStaff, {
    name: 'AILLEURS',
    types: ['ACI'],
    postcode: '75011',
    joinedOn: '2024-01-01',
  });
  ids.region = (await call(w.staff, 'POST', '/api/partners', { name: 'Région', kind: 'region' })).json().id;
  ids.foreignPartner = (
    await call(w.otherStaff, 'POST', '/api/partners', { name: 'Autre', kind: 'other' })
  ).json().id;
  const [group] = await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
    tx.insert(practiceGroups).values({ name: 'GEP CIP' }).returning(),
  );
  ids.group = group?.id ?? '';
});

const regionalDay = () => ({
  title: 'Journée régionale de l’inclusion',
  kind: 'regional_day',
  startsOn: '2024-05-16',
  startTime: '09:30',
  endTime: '17:00',
  themes: ['Emploi', 'Emploi', 'Territoires'],
  missions: ['animer', 'representer'],
  objectives: ['Faire connaître les SIAE'],
  town: 'Toulouse',
  department: '31',
  participantsCount: 80,
  participantsQualifier: 'at_least',
  summary: 'Plus de 80 personnes réunies.',
  visibility: 'public',
  practiceGroupId: ids.group,
  partners: [{ partnerId: ids.region, role: 'funder' }],
  members: [{ organisationId: ids.chorus, role: 'host' }],
});

describe('actions', () => {
  it('records an action with its partners and members, and reads it back', async () => {
    const created = await call(w.staff, 'POST', '/api/actions', regionalDay());
    expect(created.statusCode).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({
      title: 'Journée régionale de l’inclusion',
      startsOn: '2024-05-16',
      endsOn: '2024-05-16',
      startTime: '09:30',
      endTime: '17:00',
      themes: ['Emploi', 'Territoires'],
      participantsSource: 'declared',
      sequence: 0,
      practiceGroupName: 'GEP CIP',
      partners: [{ partnerId: ids.region, name: 'Région', kind: 'region', role: 'funder' }],
      members: [{ organisationId: ids.chorus, name: 'CHORUS', role: 'host' }],
    });
    ids.action = action.id;
    const read = await call(w.board, 'GET', `/api/actions/${action.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(action);
  });

  it('answers bad input with 400 (shape) or 422 (rules) and French messages naming each field', async () => {
    const shape = await call(w.staff, 'POST', '/api/actions', {
      ...regionalDay(),
      kind: 'party',
      startsOn: '16/05/2024',
      startTime: '9h30',
      missions: ['danser'],
    });
    expect(shape.statusCode).toBe(400);
    expect(fieldNames(shape)).toEqual(
      expect.arrayContaining(['kind', 'startsOn', 'startTime', 'missions.0']),
    );
    expect(shape.json().error.fields[0].message).toMatch(/[éè]|valeur/);

    const rules = await call(w.staff, 'POST', '/api/actions', {
      ...regionalDay(),
      endsOn: '2024-05-15',
      department: '99',
      startTime: '17:00',
      endTime: '09:00',
    });
    expect(rules.statusCode).toBe(422);
    expect(fieldsOf(rules)).toEqual([
      'endsOn:actions.ends_before_starts',
      'department:actions.department_unknown',
    ]);
    const times = await call(w.staff, 'POST', '/api/actions', {
      ...regionalDay(),
      startTime: '17:00',
      endTime: '09:00',
    });
    expect(fieldsOf(times)).toEqual(['endTime:actions.end_time_before_start']);
    expect(times.json().error.fields[0].message).toBe("L'heure de fin doit être après l'heure de début.");
  });

  it('refuses ids that are not records of the delegation, naming the index', async () => {
    const response = await call(w.staff, 'POST', '/api/actions', {
      ...regionalDay(),
      practiceGroupId: '00000000-0000-4000-8000-000000000000',
      partners: [
        { partnerId: ids.region, role: 'organiser' },
        { partnerId: ids.foreignPartner },
        { partnerId: ids.region },
      ],
      members: [{ organisationId: ids.foreignMember }],
    });
    expect(response.statusCode).toBe(422);
    expect(fieldsOf(response)).toEqual([
      'practiceGroupId:actions.practice_group_unknown',
      'partners.1.partnerId:actions.partner_unknown',
      'partners.2.partnerId:actions.partner_duplicate',
      'members.0.organisationId:actions.member_unknown',
    ]);
    expect(response.json().error.fields[3].message).toBe(
      'Cette organisation adhérente est introuvable dans la délégation.',
    );
  });

  it('raises the calendar sequence when the title, time or place change, not for the rest', async () => {
    const summary = await call(w.staff, 'PATCH', `/api/actions/${ids.action}`, {
      summary: 'Autre texte.',
    });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ summary: 'Autre texte.', sequence: 0 });
    // The same values again change nothing.
    const same = await call(w.staff, 'PATCH', `/api/actions/${ids.action}`, {
      startTime: '09:30',
      town: 'Toulouse',
    });
    expect(same.json().sequence).toBe(0);
    const moved = await call(w.staff, 'PATCH', `/api/actions/${ids.action}`, {
      startsOn: '2024-05-17',
    });
    // A one-day action moved stays one day long.
    expect(moved.json()).toMatchObject({ startsOn: '2024-05-17', endsOn: '2024-05-17', sequence: 1 });
    const place = await call(w.staff, 'PATCH', `/api/actions/${ids.action}`, {
      online: true,
      town: null,
      department: null,
    });
    expect(place.json()).toMatchObject({ online: true, town: null, sequence: 2 });
    const late = await call(w.staff, 'PATCH', `/api/actions/${ids.action}`, { endTime: '08:00' });
    expect(fieldsOf(late)).toEqual(['endTime:actions.end_time_before_start']);
  });

  it('replaces the partners and members lists on a patch', async () => {
    const updated = await call(w.staff, 'PATCH', `/api/actions/${ids.action}`, {
      partners: [{ partnerId: ids.region, role: 'organiser' }],
      members: [],
      participantsCount: 95,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      partners: [{ partnerId: ids.region, role: 'organiser' }],
      members: [],
      participantsCount: 95,
    });
  });

  it('lets the board read only, and hides the action from another delegation', async () => {
    expect((await call(w.board, 'POST', '/api/actions', regionalDay())).statusCode).toBe(403);
    expect((await call(w.board, 'PATCH', `/api/actions/${ids.action}`, { title: 'X' })).statusCode).toBe(403);
    expect((await call(w.board, 'DELETE', `/api/actions/${ids.action}`)).statusCode).toBe(403);
    expect((await call(w.otherStaff, 'GET', `/api/actions/${ids.action}`)).statusCode).toBe(404);
    expect((await call(w.otherStaff, 'PATCH', `/api/actions/${ids.action}`, { title: 'X' })).statusCode).toBe(
      404,
    );
    expect((await call(w.otherStaff, 'DELETE', `/api/actions/${ids.action}`)).statusCode).toBe(404);
    expect((await call(w.otherStaff, 'GET', '/api/actions')).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await call(null, 'GET', `/api/actions/${ids.action}`)).statusCode).toBe(401);
  });

  it('deletes an action', async () => {
    expect((await call(w.staff, 'DELETE', `/api/actions/${ids.action}`)).statusCode).toBe(204);
    const gone = await call(w.staff, 'GET', `/api/actions/${ids.action}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({
      code: 'actions.not_found',
      message: "Cette action n'existe pas ou vous n'y avez pas accès.",
    });
  });
});
