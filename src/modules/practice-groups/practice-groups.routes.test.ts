import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { expectFieldError, expectFieldNames, routeWorld } from '../../test/route-world.ts';
import { actions } from '../actions/actions.table.ts';
import { participations } from '../events/events.table.ts';

const w = routeWorld();
const { call } = w;

let member: string;
const ids: Record<string, string> = {};

/** The action and its roll call as stored (read inside the delegation, as the app does). */
async function stored(actionId: string | undefined) {
  if (!actionId) throw new Error('no meeting id');
  return withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, async (tx) => {
    const [action] = await tx.select().from(actions).where(eq(actions.id, actionId));
    const rows = await tx.select().from(participations).where(eq(participations.actionId, actionId));
    return { action, rows };
  });
}

beforeAll(async () => {
  Object.assign(
    ids,
    await w.addOrganisations(w.staff, {
      chorus: { types: ['ACI'], joinedOn: '2020-01-01' },
      regain: { joinedOn: '2020-01-01' },
      future: { name: 'FUTUR ADHÉRENT', postcode: '31000', types: ['ACI'], joinedOn: '2099-01-01' },
    }),
  );
  ids.foreign = await w.addOrganisation(w.otherStaff, {
    name: 'AILLEURS',
    postcode: '09000',
    joinedOn: '2020-01-01',
  });
  member = await w.as('member', ids.regain);
});

describe('practice-exchange groups', () => {
  it('creates a group, refusing a missing name in French and writes by the board or a member', async () => {
    const empty = await call(w.staff, 'POST', '/api/practice-groups', { name: ' ' });
    expectFieldError(empty, 400, { field: 'name', message: 'Ce champ est obligatoire.' });
    expect((await call(w.board, 'POST', '/api/practice-groups', { name: 'GEP CIP' })).statusCode).toBe(403);
    expect((await call(member, 'POST', '/api/practice-groups', { name: 'GEP CIP' })).statusCode).toBe(403);
    const created = await call(w.staff, 'POST', '/api/practice-groups', {
      name: 'GEP CIP',
      audience: "Chargé·es d'insertion professionnelle",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'GEP CIP', active: true, people: [], meetings: [] });
    ids.cip = created.json().id;
    ids.compta = (
      await call(w.staff, 'POST', '/api/practice-groups', { name: 'GEP comptables AI' })
    ).json().id;
    const renamed = await call(w.staff, 'PATCH', `/api/practice-groups/${ids.compta}`, { active: false });
    expect(renamed.json()).toMatchObject({ name: 'GEP comptables AI', active: false });
  });

  it('adds people of member organisations only', async () => {
    const url = `/api/practice-groups/${ids.cip}/people`;
    const notMember = await call(w.staff, 'POST', url, {
      organisationId: ids.future,
      firstName: 'Ana',
      lastName: 'Lopez',
    });
    expectFieldError(notMember, 422, { field: 'organisationId', code: 'practice.organisation_not_member' });
    const foreign = await call(w.staff, 'POST', url, {
      organisationId: ids.foreign,
      firstName: 'A',
      lastName: 'B',
    });
    expect(foreign.json().error.fields[0].code).toBe('practice.organisation_not_member');
    const badEmail = await call(w.staff, 'POST', url, {
      organisationId: ids.chorus,
      firstName: 'Léa',
      lastName: 'Martin',
      email: 'lea@',
    });
    expect(badEmail.json().error.fields[0]).toMatchObject({ field: 'email', code: 'practice.email_invalid' });
    const lea = await call(w.staff, 'POST', url, {
      organisationId: ids.chorus,
      firstName: 'Léa',
      lastName: 'Martin',
      email: 'Lea.Martin@Chorus.fr',
      jobTitle: 'CIP',
    });
    expect(lea.statusCode).toBe(201);
    expect(lea.json()).toMatchObject({ organisationName: 'CHORUS', email: 'lea.martin@chorus.fr' });
    ids.lea = lea.json().id;
    for (const [key, firstName, lastName] of [
      ['paul', 'Paul', 'Durand'],
      ['sam', 'Sam', 'Petit'],
    ] as const) {
      const added = await call(w.staff, 'POST', url, {
        organisationId: ids.regain,
        firstName,
        lastName,
        email: `${firstName.toLowerCase()}@regain.fr`,
      });
      ids[key] = added.json().id;
    }
    const edited = await call(w.staff, 'PATCH', `${url}/${ids.sam}`, { jobTitle: 'Accompagnatrice' });
    expect(edited.json()).toMatchObject({ jobTitle: 'Accompagnatrice', lastName: 'Petit' });
    expect((await call(w.board, 'PATCH', `${url}/${ids.sam}`, { jobTitle: 'X' })).statusCode).toBe(403);
  });

  it('adds meetings, with a place or online, titled after the group by default', async () => {
    const url = `/api/practice-groups/${ids.cip}/meetings`;
    const nowhere = await call(w.staff, 'POST', url, { startsOn: '2024-03-12', visibility: 'internal' });
    expectFieldNames(nowhere, 422, ['town', 'department']);
    const badPlace = await call(w.staff, 'POST', url, {
      startsOn: '2024-03-12',
      town: 'Toulouse',
      department: '99',
      startTime: '14:00',
      endTime: '10:00',
      visibility: 'internal',
    });
    expect(badPlace.json().error.fields.map((f: { code: string }) => f.code)).toEqual([
      'practice.department_invalid',
      'practice.end_before_start',
    ]);
    const noVisibility = await call(w.staff, 'POST', url, { startsOn: '2024-03-12', online: true });
    expect(noVisibility.statusCode).toBe(400);
    expect(noVisibility.json().error.fields[0].field).toBe('visibility');
    const march = await call(w.staff, 'POST', url, {
      startsOn: '2024-03-12',
      startTime: '09:30',
      endTime: '12:00',
      town: 'Toulouse',
      department: '31',
      visibility: 'internal',
    });
    expect(march.statusCode).toBe(201);
    expect(march.json()).toMatchObject({
      title: 'Rencontre du GEP CIP',
      startTime: '09:30',
      participantsCount: null,
      attendance: { presentPersonIds: [], guests: [], named: 0 },
    });
    ids.march = march.json().id;
    const { action } = await stored(ids.march);
    expect(action).toMatchObject({
      kind: 'practice_exchange',
      practiceGroupId: ids.cip,
      endsOn: '2024-03-12',
    });
    const june = await call(w.staff, 'POST', url, {
      startsOn: '2024-06-20',
      online: true,
      title: 'Visio sur les PMSMP',
      visibility: 'public',
    });
    ids.june = june.json().id;
    ids.nextYear = (
      await call(w.staff, 'POST', url, { startsOn: '2025-01-15', online: true, visibility: 'internal' })
    ).json().id;
    expect(
      (await call(w.board, 'POST', url, { startsOn: '2024-09-01', online: true, visibility: 'internal' }))
        .statusCode,
    ).toBe(403);
  });

  it('takes attendance, replacing the previous roll call and setting the meeting count', async () => {
    const url = `/api/practice-groups/${ids.cip}/meetings/${ids.march}/attendance`;
    const stranger = await call(w.staff, 'PUT', url, { present: [ids.lea, ids.march] });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.fields).toEqual([
      {
        field: 'present.1',
        code: 'practice.person_not_in_group',
        message: 'Cette personne ne fait pas partie du groupe.',
      },
    ]);
    const tooFew = await call(w.staff, 'PUT', url, { present: [ids.lea, ids.paul], count: 1 });
    expect(tooFew.json().error.fields[0]).toMatchObject({
      field: 'count',
      code: 'practice.count_below_named',
    });

    const first = await call(w.staff, 'PUT', url, {
      present: [ids.lea, ids.paul, ids.sam],
      guests: [{ firstName: 'Inès', lastName: 'Roy', organisationId: ids.future }],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ participantsCount: 4, participantsSource: 'attendance' });
    expect(first.json().attendance.presentPersonIds.sort()).toEqual([ids.lea, ids.paul, ids.sam].sort());

    const second = await call(w.staff, 'PUT', url, { present: [ids.lea] });
    expect(second.json()).toMatchObject({
      participantsCount: 1,
      attendance: { presentPersonIds: [ids.lea], guests: [], named: 1 },
    });
    const { action, rows } = await stored(ids.march);
    expect(action).toMatchObject({ participantsCount: 1, participantsSource: 'attendance' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      practiceGroupPersonId: ids.lea,
      organisationId: ids.chorus,
      attended: true,
    });

    // "Six professionnels de quatre structures": a number without names.
    const counted = await call(
      w.staff,
      'PUT',
      `/api/practice-groups/${ids.cip}/meetings/${ids.june}/attendance`,
      {
        present: [ids.paul],
        count: 6,
      },
    );
    expect(counted.json()).toMatchObject({ participantsCount: 6, attendance: { named: 1 } });
    expect((await call(w.board, 'PUT', url, { present: [] })).statusCode).toBe(403);
    const wrongGroup = await call(
      w.staff,
      'PUT',
      `/api/practice-groups/${ids.compta}/meetings/${ids.march}/attendance`,
      {
        present: [],
      },
    );
    expect(wrongGroup.statusCode).toBe(404);
  });

  it('counts a year per group, beside the declared total and never summed with it', async () => {
    const declared = await call(w.staff, 'PUT', '/api/figures/declared/2024/gepMeetings', {
      value: 10,
      unit: 'count',
      label: "Rencontres des groupes d'échange de pratiques",
      source: "Rapport d'activité 2024, p. 12",
    });
    expect(declared.statusCode).toBe(201);
    const stats = (await call(w.board, 'GET', '/api/practice-groups/stats?year=2024')).json();
    expect(stats.groups).toEqual([
      expect.objectContaining({
        name: 'GEP CIP',
        meetings: 2,
        attendances: 7,
        meetingsWithoutCount: 0,
        organisations: 2,
      }),
      expect.objectContaining({ name: 'GEP comptables AI', meetings: 0, attendances: 0, active: false }),
    ]);
    expect(stats.computed).toEqual({ meetings: 2, attendances: 7 });
    expect(stats.declared.gepMeetings).toMatchObject({ value: 10, source: "Rapport d'activité 2024, p. 12" });
    const next = (await call(w.staff, 'GET', '/api/practice-groups/stats?year=2025')).json();
    expect(next.computed).toEqual({ meetings: 1, attendances: 0 });
    expect(next.groups[0]).toMatchObject({ meetings: 1, meetingsWithoutCount: 1 });
    expect(next.declared).toEqual({});
    expect((await call(w.staff, 'GET', '/api/practice-groups/stats?year=abc')).statusCode).toBe(400);
    expect((await call(member, 'GET', '/api/practice-groups/stats?year=2024')).statusCode).toBe(403);
  });

  it('shows a member user the groups of its people, without the other organisations’ e-mails', async () => {
    const list = (await call(member, 'GET', '/api/practice-groups')).json();
    expect(list.items.map((g: { name: string }) => g.name)).toEqual(['GEP CIP']);
    const group = (await call(member, 'GET', `/api/practice-groups/${ids.cip}`)).json();
    const byName = Object.fromEntries(
      group.people.map((p: { firstName: string; email: string | null }) => [p.firstName, p.email]),
    );
    expect(byName).toEqual({ Léa: null, Paul: 'paul@regain.fr', Sam: 'sam@regain.fr' });
    expect(group.meetings).toHaveLength(3);
    expect((await call(member, 'GET', `/api/practice-groups/${ids.compta}`)).statusCode).toBe(404);
    const staffView = (await call(w.board, 'GET', `/api/practice-groups/${ids.cip}`)).json();
    expect(staffView.people.find((p: { firstName: string }) => p.firstName === 'Léa').email).toBe(
      'lea.martin@chorus.fr',
    );
  });

  it('stays within the delegation', async () => {
    expect((await call(w.otherStaff, 'GET', '/api/practice-groups')).json().items).toEqual([]);
    expect((await call(w.otherStaff, 'GET', `/api/practice-groups/${ids.cip}`)).statusCode).toBe(404);
    const people = await call(w.otherStaff, 'POST', `/api/practice-groups/${ids.cip}/people`, {
      organisationId: ids.foreign,
      firstName: 'A',
      lastName: 'B',
    });
    expect(people.statusCode).toBe(404);
    const attendance = await call(
      w.otherStaff,
      'PUT',
      `/api/practice-groups/${ids.cip}/meetings/${ids.march}/attendance`,
      {
        present: [],
      },
    );
    expect(attendance.statusCode).toBe(404);
    expect(
      (await call(w.otherStaff, 'GET', '/api/practice-groups/stats?year=2024')).json().computed.meetings,
    ).toBe(0);
  });

  it('keeps a group that has met, and a removed person’s presence', async () => {
    const refused = await call(w.staff, 'DELETE', `/api/practice-groups/${ids.cip}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('practice.group_has_meetings');
    expect(
      (await call(w.staff, 'DELETE', `/api/practice-groups/${ids.cip}/people/${ids.lea}`)).statusCode,
    ).toBe(204);
    const group = (await call(w.staff, 'GET', `/api/practice-groups/${ids.cip}`)).json();
    expect(group.people).toHaveLength(2);
    const march = group.meetings.find((m: { id: string }) => m.id === ids.march);
    expect(march.attendance).toMatchObject({
      presentPersonIds: [],
      guests: [{ firstName: 'Léa', organisationName: 'CHORUS' }],
    });
    expect(
      (await call(w.staff, 'DELETE', `/api/practice-groups/${ids.cip}/people/${ids.lea}`)).statusCode,
    ).toBe(404);
    expect((await call(w.board, 'DELETE', `/api/practice-groups/${ids.compta}`)).statusCode).toBe(403);
    expect((await call(w.staff, 'DELETE', `/api/practice-groups/${ids.compta}`)).statusCode).toBe(204);
    expect((await call(w.staff, 'GET', `/api/practice-groups/${ids.compta}`)).statusCode).toBe(404);
  });
});
