import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { practiceGroups } from '../practice-groups/practice-groups.table.ts';

let t: TestApp;
let staff: string;
let board: string;
let otherStaff: string;
const ids: Record<string, string> = {};

const fieldsOf = (response: { json(): { error: { fields: { field: string; code: string }[] } } }) =>
  response.json().error.fields.map((f) => `${f.field}:${f.code}`);

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  staff = (await signedInAs(t, { delegationId: a.id, role: 'staff' })).cookie;
  board = (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie;
  otherStaff = (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie;
  const member = await request(t, staff, 'POST', '/api/members/organisations', {
    name: 'CHORUS',
    establishment: { postcode: '12300' },
    conventionTypes: ['AI'],
    joinedOn: '2024-01-01',
  });
  ids.chorus = member.json().id;
  const foreign = await request(t, otherStaff, 'POST', '/api/members/organisations', {
    name: 'AILLEURS',
    establishment: { postcode: '75011' },
    conventionTypes: ['ACI'],
    joinedOn: '2024-01-01',
  });
  ids.foreignMember = foreign.json().id;
  ids.region = (
    await request(t, staff, 'POST', '/api/partners', { name: 'Région', kind: 'region' })
  ).json().id;
  ids.foreignPartner = (
    await request(t, otherStaff, 'POST', '/api/partners', { name: 'Autre', kind: 'other' })
  ).json().id;
  const [group] = await withTenant(t.database.db, { delegationId: a.id, userId: null }, (tx) =>
    tx.insert(practiceGroups).values({ name: 'GEP CIP' }).returning(),
  );
  ids.group = group?.id ?? '';
});
afterAll(() => t.close());

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
    const created = await request(t, staff, 'POST', '/api/actions', regionalDay());
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
    const read = await request(t, board, 'GET', `/api/actions/${action.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(action);
  });

  it('answers bad input with 400 (shape) or 422 (rules) and French messages naming each field', async () => {
    const shape = await request(t, staff, 'POST', '/api/actions', {
      ...regionalDay(),
      kind: 'party',
      startsOn: '16/05/2024',
      startTime: '9h30',
      missions: ['danser'],
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['kind', 'startsOn', 'startTime', 'missions.0']),
    );
    expect(shape.json().error.fields[0].message).toMatch(/[éè]|valeur/);

    const rules = await request(t, staff, 'POST', '/api/actions', {
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
    const times = await request(t, staff, 'POST', '/api/actions', {
      ...regionalDay(),
      startTime: '17:00',
      endTime: '09:00',
    });
    expect(fieldsOf(times)).toEqual(['endTime:actions.end_time_before_start']);
    expect(times.json().error.fields[0].message).toBe("L'heure de fin doit être après l'heure de début.");
  });

  it('refuses ids that are not records of the delegation, naming the index', async () => {
    const response = await request(t, staff, 'POST', '/api/actions', {
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
    const summary = await request(t, staff, 'PATCH', `/api/actions/${ids.action}`, {
      summary: 'Autre texte.',
    });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ summary: 'Autre texte.', sequence: 0 });
    // The same values again change nothing.
    const same = await request(t, staff, 'PATCH', `/api/actions/${ids.action}`, {
      startTime: '09:30',
      town: 'Toulouse',
    });
    expect(same.json().sequence).toBe(0);
    const moved = await request(t, staff, 'PATCH', `/api/actions/${ids.action}`, { startsOn: '2024-05-17' });
    // A one-day action moved stays one day long.
    expect(moved.json()).toMatchObject({ startsOn: '2024-05-17', endsOn: '2024-05-17', sequence: 1 });
    const place = await request(t, staff, 'PATCH', `/api/actions/${ids.action}`, {
      online: true,
      town: null,
      department: null,
    });
    expect(place.json()).toMatchObject({ online: true, town: null, sequence: 2 });
    const late = await request(t, staff, 'PATCH', `/api/actions/${ids.action}`, { endTime: '08:00' });
    expect(fieldsOf(late)).toEqual(['endTime:actions.end_time_before_start']);
  });

  it('replaces the partners and members lists on a patch', async () => {
    const updated = await request(t, staff, 'PATCH', `/api/actions/${ids.action}`, {
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
    expect((await request(t, board, 'POST', '/api/actions', regionalDay())).statusCode).toBe(403);
    expect((await request(t, board, 'PATCH', `/api/actions/${ids.action}`, { title: 'X' })).statusCode).toBe(
      403,
    );
    expect((await request(t, board, 'DELETE', `/api/actions/${ids.action}`)).statusCode).toBe(403);
    expect((await request(t, otherStaff, 'GET', `/api/actions/${ids.action}`)).statusCode).toBe(404);
    expect(
      (await request(t, otherStaff, 'PATCH', `/api/actions/${ids.action}`, { title: 'X' })).statusCode,
    ).toBe(404);
    expect((await request(t, otherStaff, 'DELETE', `/api/actions/${ids.action}`)).statusCode).toBe(404);
    expect((await request(t, otherStaff, 'GET', '/api/actions')).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await request(t, null, 'GET', `/api/actions/${ids.action}`)).statusCode).toBe(401);
  });

  it('deletes an action', async () => {
    expect((await request(t, staff, 'DELETE', `/api/actions/${ids.action}`)).statusCode).toBe(204);
    const gone = await request(t, staff, 'GET', `/api/actions/${ids.action}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({
      code: 'actions.not_found',
      message: "Cette action n'existe pas ou vous n'y avez pas accès.",
    });
  });
});
