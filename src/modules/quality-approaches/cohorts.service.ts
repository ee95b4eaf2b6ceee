import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import type { CohortInput } from './quality-approaches.schemas.ts';
import { cohortMembers, cohortSessions, cohorts } from './quality-approaches.table.ts';

const NOT_FOUND = 'qualityApproaches.cohort_not_found' as const;

/** Every cohort with its members and its sessions (the chronicle's actions). */
export async function listCohorts(tx: Tx) {
  const rows = await tx.select().from(cohorts).orderBy(asc(cohorts.name));
  const members = await tx
    .select({ cohortId: cohortMembers.cohortId, id: organisations.id, name: organisations.name })
    .from(cohortMembers)
    .innerJoin(organisations, eq(organisations.id, cohortMembers.organisationId))
    .orderBy(asc(organisations.name));
  const sessions = await tx
    .select({
      cohortId: cohortSessions.cohortId,
      id: actions.id,
      title: actions.title,
      startsOn: actions.startsOn,
    })
    .from(cohortSessions)
    .innerJoin(actions, eq(actions.id, cohortSessions.actionId))
    .orderBy(asc(actions.startsOn));
  return rows.map((cohort) => ({
    ...cohort,
    members: members.filter((m) => m.cohortId === cohort.id).map(({ cohortId: _, ...m }) => m),
    sessions: sessions.filter((s) => s.cohortId === cohort.id).map(({ cohortId: _, ...s }) => s),
  }));
}

async function withParts(tx: Tx, id: string) {
  const cohort = (await listCohorts(tx)).find((c) => c.id === id);
  if (!cohort) throw new AppError(NOT_FOUND);
  return cohort;
}

async function findCohort(tx: Tx, id: string) {
  const [row] = await tx.select().from(cohorts).where(eq(cohorts.id, id));
  if (!row) throw new AppError(NOT_FOUND);
  return row;
}

export async function createCohort(tx: Tx, input: CohortInput) {
  const [row] = await tx.insert(cohorts).values(input).returning();
  if (!row) throw new AppError('internal');
  return row;
}

export async function updateCohort(tx: Tx, id: string, input: CohortInput) {
  const [row] = await tx
    .update(cohorts)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(cohorts.id, id))
    .returning();
  if (!row) throw new AppError(NOT_FOUND);
  return row;
}

export async function deleteCohort(tx: Tx, id: string) {
  await findCohort(tx, id);
  await tx.delete(cohorts).where(eq(cohorts.id, id));
}

/** Ids the delegation does not hold are refused on the field, with their position. */
function unknownIds(field: string, asked: string[], found: { id: string }[]) {
  const known = new Set(found.map((f) => f.id));
  const problems = asked.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          {
            field: `${field}.${i}`,
            code: `qualityApproaches.${field === 'actionIds' ? 'action' : 'organisation'}_unknown`,
          },
        ],
  );
  if (problems.length > 0) throw invalidFields(problems);
}

export async function setCohortMembers(tx: Tx, id: string, organisationIds: string[]) {
  await findCohort(tx, id);
  const ids = [...new Set(organisationIds)];
  const found = ids.length
    ? await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))
    : [];
  unknownIds('organisationIds', ids, found);
  await tx.delete(cohortMembers).where(eq(cohortMembers.cohortId, id));
  if (ids.length)
    await tx.insert(cohortMembers).values(ids.map((organisationId) => ({ cohortId: id, organisationId })));
  return withParts(tx, id);
}

export async function setCohortSessions(tx: Tx, id: string, actionIds: string[]) {
  await findCohort(tx, id);
  const ids = [...new Set(actionIds)];
  const found = ids.length
    ? await tx.select({ id: actions.id }).from(actions).where(inArray(actions.id, ids))
    : [];
  unknownIds('actionIds', ids, found);
  await tx.delete(cohortSessions).where(eq(cohortSessions.cohortId, id));
  if (ids.length) await tx.insert(cohortSessions).values(ids.map((actionId) => ({ cohortId: id, actionId })));
  return withParts(tx, id);
}
