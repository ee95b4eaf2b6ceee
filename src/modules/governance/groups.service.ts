import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { organisations } from '../members/members.table.ts';
import type { GroupInput, GroupPatch } from './governance.schemas.ts';
import { memberGroupMembers, memberGroups } from './governance.table.ts';

/**
 * Member groups say which organisations act together (a structure porteuse and its ACI,
 * a GES and its structures). They never change the member count: a GES counts once
 * through its GES convention (docs/decisions/007-member-counting-rule.md).
 */
export async function listGroups(tx: Tx) {
  const groups = await tx.select().from(memberGroups).orderBy(asc(memberGroups.name));
  const members = await tx
    .select({
      groupId: memberGroupMembers.groupId,
      id: organisations.id,
      name: organisations.name,
    })
    .from(memberGroupMembers)
    .innerJoin(organisations, eq(organisations.id, memberGroupMembers.organisationId))
    .orderBy(asc(organisations.name));
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    kind: group.kind,
    note: group.note,
    organisations: members.filter((m) => m.groupId === group.id).map(({ id, name }) => ({ id, name })),
  }));
}

async function getGroup(tx: Tx, id: string) {
  const group = (await listGroups(tx)).find((g) => g.id === id);
  if (!group) throw new AppError('governance.group_not_found');
  return group;
}

/** The distinct organisations of a group, each checked to exist in the delegation. */
async function checkMembers(tx: Tx, kind: GroupInput['kind'], ids: string[]): Promise<string[]> {
  const distinct = [...new Set(ids)];
  const found = distinct.length
    ? await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, distinct))
    : [];
  const known = new Set(found.map((o) => o.id));
  const unknown = ids.flatMap((id, index) =>
    known.has(id) ? [] : [{ field: `organisationIds.${index}`, code: 'governance.organisation_unknown' }],
  );
  if (unknown.length > 0) throw invalidFields(unknown);
  if (kind === 'ges' && distinct.length < 2)
    throw invalidFields([{ field: 'organisationIds', code: 'governance.ges_too_small' }]);
  if (distinct.length < 1)
    throw invalidFields([{ field: 'organisationIds', code: 'governance.group_empty' }]);
  return distinct;
}

export async function createGroup(tx: Tx, input: GroupInput) {
  const ids = await checkMembers(tx, input.kind, input.organisationIds);
  const [group] = await tx
    .insert(memberGroups)
    .values({ name: input.name, kind: input.kind, note: input.note ?? null })
    .returning({ id: memberGroups.id });
  if (!group) throw new Error('group not created');
  await tx
    .insert(memberGroupMembers)
    .values(ids.map((organisationId) => ({ groupId: group.id, organisationId })));
  return getGroup(tx, group.id);
}

export async function updateGroup(tx: Tx, id: string, patch: GroupPatch) {
  const current = await getGroup(tx, id);
  const kind = patch.kind ?? current.kind;
  const ids = await checkMembers(tx, kind, patch.organisationIds ?? current.organisations.map((o) => o.id));
  const { organisationIds: _replaced, ...fields } = patch;
  await tx
    .update(memberGroups)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(memberGroups.id, id));
  if (patch.organisationIds) {
    const keep = new Set(ids);
    const before = new Set(current.organisations.map((o) => o.id));
    const removed = [...before].filter((o) => !keep.has(o));
    const added = ids.filter((o) => !before.has(o));
    // Only the differences, so the audit log shows who was added or removed, not a full rewrite.
    if (removed.length > 0)
      await tx
        .delete(memberGroupMembers)
        .where(and(eq(memberGroupMembers.groupId, id), inArray(memberGroupMembers.organisationId, removed)));
    if (added.length > 0)
      await tx
        .insert(memberGroupMembers)
        .values(added.map((organisationId) => ({ groupId: id, organisationId })));
  }
  return getGroup(tx, id);
}

export async function deleteGroup(tx: Tx, id: string) {
  const [row] = await tx
    .delete(memberGroups)
    .where(eq(memberGroups.id, id))
    .returning({ id: memberGroups.id });
  if (!row) throw new AppError('governance.group_not_found');
}
