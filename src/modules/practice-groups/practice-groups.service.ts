import { and, asc, count, countDistinct, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { isMember, type Viewer } from '../../shared/policies.ts';
import { actions } from '../actions/actions.table.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { membershipPeriods, organisations } from '../members/members.table.ts';
import { normaliseEmail } from '../members/members.validation.ts';
import { periodOverlaps } from '../members/membership.periods.ts';
import { meetingsOf } from './meetings.service.ts';
import type { GroupInput, GroupPatch, PersonInput, PersonPatch } from './practice-groups.schemas.ts';
import { practiceGroupPeople, practiceGroups } from './practice-groups.table.ts';

/**
 * Groups a viewer may read: all of them for the delegation's team and board; for a member
 * user, only the groups one of its organisation's people belongs to.
 */
async function readableGroupIds(tx: Tx, viewer: Viewer): Promise<string[] | 'all'> {
  if (!isMember(viewer)) return 'all';
  if (!viewer.organisationId) return [];
  const rows = await tx
    .selectDistinct({ groupId: practiceGroupPeople.groupId })
    .from(practiceGroupPeople)
    .where(eq(practiceGroupPeople.organisationId, viewer.organisationId));
  return rows.map((r) => r.groupId);
}

export async function listGroups(tx: Tx, viewer: Viewer) {
  const readable = await readableGroupIds(tx, viewer);
  if (readable !== 'all' && readable.length === 0) return [];
  const groups = await tx
    .select()
    .from(practiceGroups)
    .where(readable === 'all' ? undefined : inArray(practiceGroups.id, readable))
    .orderBy(asc(practiceGroups.name));
  const people = await tx
    .select({ groupId: practiceGroupPeople.groupId, people: count() })
    .from(practiceGroupPeople)
    .groupBy(practiceGroupPeople.groupId);
  const meetings = await tx
    .select({ groupId: actions.practiceGroupId, meetings: count(), lastMeetingOn: max(actions.startsOn) })
    .from(actions)
    .where(eq(actions.kind, 'practice_exchange'))
    .groupBy(actions.practiceGroupId);
  return groups.map((group) => {
    const met = meetings.find((m) => m.groupId === group.id);
    return {
      ...groupSummary(group),
      peopleCount: people.find((p) => p.groupId === group.id)?.people ?? 0,
      meetingsCount: met?.meetings ?? 0,
      lastMeetingOn: met?.lastMeetingOn ?? null,
    };
  });
}

/** The group row, or 404 when it does not exist or the viewer may not read it. */
export async function requireGroup(tx: Tx, id: string, viewer?: Viewer) {
  if (viewer) {
    const readable = await readableGroupIds(tx, viewer);
    if (readable !== 'all' && !readable.includes(id)) throw new AppError('practice.group_not_found');
  }
  const [group] = await tx.select().from(practiceGroups).where(eq(practiceGroups.id, id));
  if (!group) throw new AppError('practice.group_not_found');
  return group;
}

async function peopleOf(tx: Tx, groupId: string, viewer: Viewer) {
  const rows = await tx
    .select({
      id: practiceGroupPeople.id,
      organisationId: practiceGroupPeople.organisationId,
      organisationName: organisations.name,
      firstName: practiceGroupPeople.firstName,
      lastName: practiceGroupPeople.lastName,
      email: practiceGroupPeople.email,
      jobTitle: practiceGroupPeople.jobTitle,
    })
    .from(practiceGroupPeople)
    .leftJoin(organisations, eq(organisations.id, practiceGroupPeople.organisationId))
    .where(eq(practiceGroupPeople.groupId, groupId))
    .orderBy(asc(practiceGroupPeople.lastName), asc(practiceGroupPeople.firstName));
  // A member user meets the other organisations' people in the group, not their e-mails.
  if (!isMember(viewer)) return rows;
  return rows.map((p) => (p.organisationId === viewer.organisationId ? p : { ...p, email: null }));
}

const groupSummary = (group: typeof practiceGroups.$inferSelect) => ({
  id: group.id,
  name: group.name,
  audience: group.audience,
  description: group.description,
  active: group.active,
});

/** The group, its people (with their organisation's name) and its meetings with their roll call. */
export async function getGroup(tx: Tx, id: string, viewer: Viewer) {
  const group = await requireGroup(tx, id, viewer);
  return {
    ...groupSummary(group),
    people: await peopleOf(tx, id, viewer),
    meetings: await meetingsOf(tx, id),
  };
}

const staffViewer: Viewer = { role: 'staff', organisationId: null };

export async function createGroup(tx: Tx, input: GroupInput) {
  const [row] = await tx
    .insert(practiceGroups)
    .values({
      name: input.name,
      audience: input.audience || null,
      description: input.description || null,
      active: input.active ?? true,
    })
    .returning({ id: practiceGroups.id });
  if (!row) throw new Error('practice group not created');
  return getGroup(tx, row.id, staffViewer);
}

export async function updateGroup(tx: Tx, id: string, patch: GroupPatch) {
  await requireGroup(tx, id);
  const changes: Partial<typeof practiceGroups.$inferInsert> = { ...patch, updatedAt: new Date() };
  if (patch.audience === '') changes.audience = null;
  if (patch.description === '') changes.description = null;
  await tx.update(practiceGroups).set(changes).where(eq(practiceGroups.id, id));
  return getGroup(tx, id, staffViewer);
}

/** A group that has met is kept (its meetings count in the yearly figures): it is made inactive instead. */
export async function deleteGroup(tx: Tx, id: string) {
  await requireGroup(tx, id);
  const [met] = await tx.select({ meetings: count() }).from(actions).where(eq(actions.practiceGroupId, id));
  if ((met?.meetings ?? 0) > 0) throw new AppError('practice.group_has_meetings');
  await tx.delete(practiceGroups).where(eq(practiceGroups.id, id));
}

// --- People -------------------------------------------------------------------------

/** People of a group come from member organisations: a current membership period today. */
async function checkMemberOrganisation(tx: Tx, organisationId: string) {
  const today = todayInFrance();
  const [row] = await tx
    .select({ periods: countDistinct(membershipPeriods.id) })
    .from(membershipPeriods)
    .where(and(eq(membershipPeriods.organisationId, organisationId), periodOverlaps(today)));
  if (!row || row.periods === 0)
    throw invalidFields([{ field: 'organisationId', code: 'practice.organisation_not_member' }]);
}

function checkedEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const checked = normaliseEmail(raw);
  if (!checked.ok) throw invalidFields([{ field: 'email', code: 'practice.email_invalid' }]);
  return checked.value;
}

async function requirePerson(tx: Tx, groupId: string, personId: string) {
  const [person] = await tx
    .select()
    .from(practiceGroupPeople)
    .where(and(eq(practiceGroupPeople.id, personId), eq(practiceGroupPeople.groupId, groupId)));
  if (!person) throw new AppError('practice.person_not_found');
  return person;
}

async function personOfGroup(tx: Tx, groupId: string, personId: string) {
  const people = await peopleOf(tx, groupId, staffViewer);
  const person = people.find((p) => p.id === personId);
  if (!person) throw new AppError('practice.person_not_found');
  return person;
}

export async function addPerson(tx: Tx, groupId: string, input: PersonInput) {
  await requireGroup(tx, groupId);
  const email = checkedEmail(input.email);
  await checkMemberOrganisation(tx, input.organisationId);
  const [row] = await tx
    .insert(practiceGroupPeople)
    .values({
      groupId,
      organisationId: input.organisationId,
      firstName: input.firstName,
      lastName: input.lastName,
      email,
      jobTitle: input.jobTitle || null,
    })
    .returning({ id: practiceGroupPeople.id });
  if (!row) throw new Error('person not added');
  return personOfGroup(tx, groupId, row.id);
}

export async function updatePerson(tx: Tx, groupId: string, personId: string, patch: PersonPatch) {
  const current = await requirePerson(tx, groupId, personId);
  const changes: Partial<typeof practiceGroupPeople.$inferInsert> = { updatedAt: new Date() };
  if (patch.firstName !== undefined) changes.firstName = patch.firstName;
  if (patch.lastName !== undefined) changes.lastName = patch.lastName;
  if (patch.email !== undefined) changes.email = checkedEmail(patch.email);
  if (patch.jobTitle !== undefined) changes.jobTitle = patch.jobTitle || null;
  if (patch.organisationId !== undefined && patch.organisationId !== current.organisationId) {
    await checkMemberOrganisation(tx, patch.organisationId);
    changes.organisationId = patch.organisationId;
  }
  await tx.update(practiceGroupPeople).set(changes).where(eq(practiceGroupPeople.id, personId));
  return personOfGroup(tx, groupId, personId);
}

/** Removing a person keeps the meetings they attended: their presence stays under their name. */
export async function removePerson(tx: Tx, groupId: string, personId: string) {
  await requirePerson(tx, groupId, personId);
  await tx.delete(practiceGroupPeople).where(eq(practiceGroupPeople.id, personId));
}
