import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { actions } from '../actions/actions.table.ts';
import { participations } from '../events/events.table.ts';
import { organisations } from '../members/members.table.ts';
import { isDepartmentCode } from '../members/members.validation.ts';
import type { AttendanceInput, MeetingInput } from './practice-groups.schemas.ts';
import { practiceGroupPeople, practiceGroups } from './practice-groups.table.ts';

/**
 * A group's meetings are actions of kind `practice_exchange` pointing at the group; their
 * roll call is the action's participations with `attended` set. Written here directly so
 * that a meeting and its attendance stay one use case of the group.
 */
const meetingColumns = {
  id: actions.id,
  title: actions.title,
  startsOn: actions.startsOn,
  startTime: actions.startTime,
  endTime: actions.endTime,
  online: actions.online,
  town: actions.town,
  department: actions.department,
  summary: actions.summary,
  visibility: actions.visibility,
  participantsCount: actions.participantsCount,
  participantsSource: actions.participantsSource,
};

const ofGroup = (groupId: string) =>
  and(eq(actions.practiceGroupId, groupId), eq(actions.kind, 'practice_exchange'));

// The database answers "14:00:00"; people read and type "14:00".
const hhmm = (time: string | null) => (time ? time.slice(0, 5) : null);

/** The group's meetings, newest first, each with who was there. */
export async function meetingsOf(tx: Tx, groupId: string, onlyId?: string) {
  const meetings = await tx
    .select(meetingColumns)
    .from(actions)
    .where(onlyId ? and(ofGroup(groupId), eq(actions.id, onlyId)) : ofGroup(groupId))
    .orderBy(desc(actions.startsOn), desc(actions.startTime));
  const ids = meetings.map((m) => m.id);
  const present = ids.length
    ? await tx
        .select({
          actionId: participations.actionId,
          personId: participations.practiceGroupPersonId,
          firstName: participations.firstName,
          lastName: participations.lastName,
          organisationId: participations.organisationId,
          organisationName: organisations.name,
        })
        .from(participations)
        .leftJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(and(inArray(participations.actionId, ids), eq(participations.attended, true)))
        .orderBy(asc(participations.lastName), asc(participations.firstName))
    : [];
  return meetings.map((meeting) => {
    const rows = present.filter((p) => p.actionId === meeting.id);
    const named = rows.filter((p) => p.personId !== null);
    return {
      ...meeting,
      startTime: hhmm(meeting.startTime),
      endTime: hhmm(meeting.endTime),
      attendance: {
        presentPersonIds: named.map((p) => p.personId as string),
        // Present without being a person of the group (a guest, or a person since removed).
        guests: rows
          .filter((p) => p.personId === null)
          .map(({ firstName, lastName, organisationId, organisationName }) => ({
            firstName,
            lastName,
            organisationId,
            organisationName,
          })),
        named: rows.length,
      },
    };
  });
}

async function requireMeeting(tx: Tx, groupId: string, actionId: string) {
  const [meeting] = await meetingsOf(tx, groupId, actionId);
  if (!meeting) throw new AppError('practice.meeting_not_found');
  return meeting;
}

function checkPlace(input: MeetingInput) {
  const problems: { field: string; code: string }[] = [];
  if (!input.online) {
    if (!input.town) problems.push({ field: 'town', code: 'practice.place_required' });
    if (!input.department) problems.push({ field: 'department', code: 'practice.place_required' });
  }
  if (input.department && !isDepartmentCode(input.department))
    problems.push({ field: 'department', code: 'practice.department_invalid' });
  if (input.startTime && input.endTime && input.endTime <= input.startTime)
    problems.push({ field: 'endTime', code: 'practice.end_before_start' });
  if (problems.length > 0) throw invalidFields(problems);
}

export async function createMeeting(tx: Tx, groupId: string, input: MeetingInput) {
  const [group] = await tx.select().from(practiceGroups).where(eq(practiceGroups.id, groupId));
  if (!group) throw new AppError('practice.group_not_found');
  checkPlace(input);
  const [row] = await tx
    .insert(actions)
    .values({
      title: input.title || `Rencontre du ${group.name}`,
      kind: 'practice_exchange',
      startsOn: input.startsOn,
      endsOn: input.startsOn,
      startTime: input.startTime || null,
      endTime: input.endTime || null,
      online: input.online,
      town: input.town || null,
      department: input.department ? input.department.toUpperCase() : null,
      summary: input.summary || null,
      visibility: input.visibility,
      practiceGroupId: groupId,
    })
    .returning({ id: actions.id });
  if (!row) throw new Error('meeting not created');
  return requireMeeting(tx, groupId, row.id);
}

/** The group's people among `present`, each checked; unknown ids are refused on their position. */
async function presentPeople(tx: Tx, groupId: string, present: string[]) {
  const ids = [...new Set(present)];
  const people = ids.length
    ? await tx
        .select()
        .from(practiceGroupPeople)
        .where(and(eq(practiceGroupPeople.groupId, groupId), inArray(practiceGroupPeople.id, ids)))
    : [];
  const known = new Set(people.map((p) => p.id));
  const unknown = present.flatMap((id, index) =>
    known.has(id) ? [] : [{ field: `present.${index}`, code: 'practice.person_not_in_group' }],
  );
  if (unknown.length > 0) throw invalidFields(unknown);
  return people;
}

async function checkGuestOrganisations(tx: Tx, guests: NonNullable<AttendanceInput['guests']>) {
  const ids = [...new Set(guests.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))];
  const found = ids.length
    ? await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))
    : [];
  const known = new Set(found.map((o) => o.id));
  const unknown = guests.flatMap((g, index) =>
    g.organisationId && !known.has(g.organisationId)
      ? [{ field: `guests.${index}.organisationId`, code: 'practice.organisation_unknown' }]
      : [],
  );
  if (unknown.length > 0) throw invalidFields(unknown);
}

/**
 * Takes a meeting's roll call, replacing the previous one: one participation per person
 * present (attended), and the action's count becomes the number present, or `count` when
 * the source gives a number without names.
 */
export async function takeAttendance(tx: Tx, groupId: string, actionId: string, input: AttendanceInput) {
  await requireMeeting(tx, groupId, actionId);
  const people = await presentPeople(tx, groupId, input.present);
  const guests = input.guests ?? [];
  await checkGuestOrganisations(tx, guests);
  const named = people.length + guests.length;
  if (input.count !== undefined && input.count < named)
    throw invalidFields([{ field: 'count', code: 'practice.count_below_named' }]);

  await tx
    .delete(participations)
    .where(and(eq(participations.actionId, actionId), isNotNull(participations.attended)));
  const rows = [
    ...people.map((p) => ({
      actionId,
      practiceGroupPersonId: p.id,
      organisationId: p.organisationId,
      firstName: p.firstName,
      lastName: p.lastName,
      jobTitle: p.jobTitle,
      attended: true,
    })),
    ...guests.map((g) => ({
      actionId,
      organisationId: g.organisationId ?? null,
      firstName: g.firstName,
      lastName: g.lastName,
      attended: true,
    })),
  ];
  if (rows.length > 0) await tx.insert(participations).values(rows);
  await tx
    .update(actions)
    .set({
      participantsCount: input.count ?? named,
      participantsQualifier: 'exact',
      participantsSource: 'attendance',
      updatedAt: new Date(),
    })
    .where(eq(actions.id, actionId));
  return requireMeeting(tx, groupId, actionId);
}
