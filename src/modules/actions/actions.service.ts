/**
 * Use cases of the actions chronicle: record, correct and delete an action with its
 * partners and member organisations. Plain functions taking the tenant transaction first.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { canSeeOrganisation, type Viewer } from '../../shared/policies.ts';
import { organisations } from '../members/members.table.ts';
import { practiceGroups } from '../practice-groups/practice-groups.table.ts';
import { loadLinks, organisationActions, practiceGroupName, presentAction } from './actions.queries.ts';
import {
  type ActionShape,
  badFields,
  checkActionShape,
  type FieldProblem,
  repeatedIndexes,
  shortTime,
  uniqueTags,
} from './actions.rules.ts';
import type { ActionInput, ActionPatch } from './actions.schemas.ts';
import { actionMembers, actionPartners, actions, partners } from './actions.table.ts';

type PartnerLinkInput = NonNullable<ActionPatch['partners']>;
type MemberLinkInput = NonNullable<ActionPatch['members']>;

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Ids an action points to must be records of the delegation (row-level security hides the others). */
async function checkReferences(
  tx: Tx,
  refs: { practiceGroupId?: string | null; partners?: PartnerLinkInput; members?: MemberLinkInput },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (refs.practiceGroupId) {
    const [group] = await tx
      .select({ id: practiceGroups.id })
      .from(practiceGroups)
      .where(eq(practiceGroups.id, refs.practiceGroupId));
    if (!group) problems.push({ field: 'practiceGroupId', code: 'actions.practice_group_unknown' });
  }
  if (refs.partners && refs.partners.length > 0) {
    const ids = refs.partners.map((p) => p.partnerId);
    const found = new Set(
      (await tx.select({ id: partners.id }).from(partners).where(inArray(partners.id, ids))).map((r) => r.id),
    );
    refs.partners.forEach((p, i) => {
      if (!found.has(p.partnerId))
        problems.push({ field: `partners.${i}.partnerId`, code: 'actions.partner_unknown' });
    });
    for (const i of repeatedIndexes(refs.partners, (p) => p.partnerId))
      problems.push({ field: `partners.${i}.partnerId`, code: 'actions.partner_duplicate' });
  }
  if (refs.members && refs.members.length > 0) {
    const ids = refs.members.map((m) => m.organisationId);
    const found = new Set(
      (
        await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))
      ).map((r) => r.id),
    );
    refs.members.forEach((m, i) => {
      if (!found.has(m.organisationId))
        problems.push({ field: `members.${i}.organisationId`, code: 'actions.member_unknown' });
    });
    for (const i of repeatedIndexes(refs.members, (m) => m.organisationId))
      problems.push({ field: `members.${i}.organisationId`, code: 'actions.member_duplicate' });
  }
  return problems;
}

/**
 * Makes the links of an action what the list says: removes the others, changes roles,
 * adds the new ones (so the audit log shows what really changed, not a rewrite).
 */
async function syncPartners(tx: Tx, actionId: string, wanted: PartnerLinkInput) {
  const current = await tx.select().from(actionPartners).where(eq(actionPartners.actionId, actionId));
  const wantedById = new Map(wanted.map((p) => [p.partnerId, p.role]));
  const gone = current.filter((c) => !wantedById.has(c.partnerId)).map((c) => c.id);
  if (gone.length > 0) await tx.delete(actionPartners).where(inArray(actionPartners.id, gone));
  for (const link of current) {
    const role = wantedById.get(link.partnerId);
    if (role && role !== link.role)
      await tx.update(actionPartners).set({ role }).where(eq(actionPartners.id, link.id));
  }
  const known = new Set(current.map((c) => c.partnerId));
  const added = wanted.filter((p) => !known.has(p.partnerId));
  if (added.length > 0)
    await tx
      .insert(actionPartners)
      .values(added.map((p) => ({ actionId, partnerId: p.partnerId, role: p.role })));
}

async function syncMembers(tx: Tx, actionId: string, wanted: MemberLinkInput) {
  const current = await tx.select().from(actionMembers).where(eq(actionMembers.actionId, actionId));
  const wantedById = new Map(wanted.map((m) => [m.organisationId, m.role]));
  const gone = current.filter((c) => !wantedById.has(c.organisationId)).map((c) => c.id);
  if (gone.length > 0) await tx.delete(actionMembers).where(inArray(actionMembers.id, gone));
  for (const link of current) {
    const role = wantedById.get(link.organisationId);
    if (role && role !== link.role)
      await tx.update(actionMembers).set({ role }).where(eq(actionMembers.id, link.id));
  }
  const known = new Set(current.map((c) => c.organisationId));
  const added = wanted.filter((m) => !known.has(m.organisationId));
  if (added.length > 0)
    await tx
      .insert(actionMembers)
      .values(added.map((m) => ({ actionId, organisationId: m.organisationId, role: m.role })));
}

export async function getAction(tx: Tx, id: string) {
  const [row] = await tx.select().from(actions).where(eq(actions.id, id));
  if (!row) throw new AppError('actions.not_found');
  const links = await loadLinks(tx, [id]);
  return {
    ...presentAction(row, links),
    practiceGroupName: await practiceGroupName(tx, row.practiceGroupId),
  };
}

export async function createAction(tx: Tx, input: ActionInput) {
  const shape: ActionShape = {
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? input.startsOn,
    datePrecision: input.datePrecision,
    startTime: input.startTime ?? null,
    endTime: input.endTime ?? null,
    town: blankToNull(input.town),
    department: blankToNull(input.department),
    registrationClosesOn: input.registrationClosesOn ?? null,
  };
  const problems = [...checkActionShape(shape), ...(await checkReferences(tx, input))];
  if (problems.length > 0) throw badFields(problems);
  const participantsCount = input.participantsCount ?? null;
  const [row] = await tx
    .insert(actions)
    .values({
      ...shape,
      title: input.title,
      kind: input.kind,
      themes: uniqueTags(input.themes),
      missions: [...new Set(input.missions)],
      objectives: uniqueTags(input.objectives),
      online: input.online,
      participantsCount,
      participantsQualifier: input.participantsQualifier,
      participantsSource: participantsCount === null ? null : 'declared',
      summary: blankToNull(input.summary),
      visibility: input.visibility,
      registrationOpen: input.registrationOpen,
      capacity: input.capacity ?? null,
      practiceGroupId: input.practiceGroupId ?? null,
      source: blankToNull(input.source),
    })
    .returning({ id: actions.id });
  const id = (row as { id: string }).id;
  if (input.partners.length > 0) await syncPartners(tx, id, input.partners);
  if (input.members.length > 0) await syncMembers(tx, id, input.members);
  return getAction(tx, id);
}

// Calendar clients re-read an event whose SEQUENCE rose: what they show changed.
const calendarFields = [
  'title',
  'startsOn',
  'endsOn',
  'datePrecision',
  'startTime',
  'endTime',
  'online',
  'town',
  'department',
] as const;

const given = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);

export async function updateAction(tx: Tx, id: string, patch: ActionPatch) {
  const [current] = await tx.select().from(actions).where(eq(actions.id, id));
  if (!current) throw new AppError('actions.not_found');
  const startsOn = patch.startsOn ?? current.startsOn;
  // A one-day action moved to another day stays a one-day action.
  const oneDay = current.endsOn === current.startsOn;
  const endsOn = patch.endsOn !== undefined ? (patch.endsOn ?? startsOn) : oneDay ? startsOn : current.endsOn;
  const shape: ActionShape = {
    startsOn,
    endsOn,
    datePrecision: patch.datePrecision ?? current.datePrecision,
    startTime: given(patch.startTime, shortTime(current.startTime)) ?? null,
    endTime: given(patch.endTime, shortTime(current.endTime)) ?? null,
    town: patch.town !== undefined ? blankToNull(patch.town) : current.town,
    department: patch.department !== undefined ? blankToNull(patch.department) : current.department,
    registrationClosesOn: given(patch.registrationClosesOn, current.registrationClosesOn) ?? null,
  };
  const problems = [...checkActionShape(shape), ...(await checkReferences(tx, patch))];
  if (problems.length > 0) throw badFields(problems);

  const changes: Partial<typeof actions.$inferInsert> = { ...shape, updatedAt: new Date() };
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.themes !== undefined) changes.themes = uniqueTags(patch.themes);
  if (patch.missions !== undefined) changes.missions = [...new Set(patch.missions)];
  if (patch.objectives !== undefined) changes.objectives = uniqueTags(patch.objectives);
  if (patch.online !== undefined) changes.online = patch.online;
  if (patch.participantsQualifier !== undefined) changes.participantsQualifier = patch.participantsQualifier;
  if (patch.summary !== undefined) changes.summary = blankToNull(patch.summary);
  if (patch.visibility !== undefined) changes.visibility = patch.visibility;
  if (patch.registrationOpen !== undefined) changes.registrationOpen = patch.registrationOpen;
  if (patch.capacity !== undefined) changes.capacity = patch.capacity;
  if (patch.practiceGroupId !== undefined) changes.practiceGroupId = patch.practiceGroupId;
  if (patch.source !== undefined) changes.source = blankToNull(patch.source);
  // A count typed by staff is a declared count, whatever attendance said before.
  if (patch.participantsCount !== undefined && patch.participantsCount !== current.participantsCount) {
    changes.participantsCount = patch.participantsCount;
    changes.participantsSource = patch.participantsCount === null ? null : 'declared';
  }
  const before: Record<string, unknown> = {
    ...current,
    startTime: shortTime(current.startTime),
    endTime: shortTime(current.endTime),
  };
  const moved = calendarFields.some(
    (field) => field in changes && (changes as Record<string, unknown>)[field] !== before[field],
  );
  if (moved) changes.sequence = current.sequence + 1;

  await tx.update(actions).set(changes).where(eq(actions.id, id));
  if (patch.partners !== undefined) await syncPartners(tx, id, patch.partners);
  if (patch.members !== undefined) await syncMembers(tx, id, patch.members);
  return getAction(tx, id);
}

export async function deleteAction(tx: Tx, id: string) {
  const deleted = await tx.delete(actions).where(eq(actions.id, id)).returning({ id: actions.id });
  if (deleted.length === 0) throw new AppError('actions.not_found');
}

/**
 * The actions an organisation took part in. A member user reaches its own organisation
 * only; any other is "not found", as on the registry's routes.
 */
export async function actionsOfOrganisation(tx: Tx, viewer: Viewer, id: string, year?: number) {
  if (!canSeeOrganisation(viewer, id)) throw notFound();
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!organisation) throw notFound();
  return { year: year ?? null, items: await organisationActions(tx, id, year) };
}
