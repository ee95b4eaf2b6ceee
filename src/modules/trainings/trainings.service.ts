import { and, asc, count, countDistinct, desc, eq, gte, inArray, lte, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { actions, partners } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import { isDepartmentCode } from '../members/members.validation.ts';
import type { SessionInput, SessionPatch, TraineeInput } from './trainings.schemas.ts';
import { trainingSessions, trainingTrainees } from './trainings.table.ts';

const provider = alias(partners, 'provider');
const funder = alias(partners, 'funder');

const sessionColumns = {
  id: trainingSessions.id,
  title: trainingSessions.title,
  providerId: trainingSessions.providerId,
  providerName: provider.name,
  funderId: trainingSessions.funderId,
  funderName: funder.name,
  trainer: trainingSessions.trainer,
  startsOn: trainingSessions.startsOn,
  endsOn: trainingSessions.endsOn,
  town: trainingSessions.town,
  department: trainingSessions.department,
  traineesCount: trainingSessions.traineesCount,
  hoursTotal: trainingSessions.hoursTotal,
  organisationsCount: trainingSessions.organisationsCount,
  actionId: trainingSessions.actionId,
  note: trainingSessions.note,
  source: trainingSessions.source,
};

const round2 = (n: number) => Math.round(n * 100) / 100;

type Named = { trainees: number; hours: number; organisations: number };

/**
 * What a session counts: its named trainees when it has any (the detailed record wins),
 * else the counts the source gives. `basis` says which, so a screen can tell them apart.
 */
function computed(
  session: { traineesCount: number | null; hoursTotal: number | null; organisationsCount: number | null },
  named: Named | undefined,
) {
  if (named && named.trainees > 0)
    return {
      basis: 'trainees' as const,
      trainees: named.trainees,
      hours: round2(named.hours),
      organisations: named.organisations,
    };
  return {
    basis: 'counts' as const,
    trainees: session.traineesCount ?? 0,
    hours: round2(session.hoursTotal ?? 0),
    organisations: session.organisationsCount,
  };
}

async function namedCounts(tx: Tx, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, Named>();
  const rows = await tx
    .select({
      sessionId: trainingTrainees.sessionId,
      trainees: count(),
      hours: sum(trainingTrainees.hours).mapWith(Number),
      organisations: countDistinct(trainingTrainees.organisationId),
    })
    .from(trainingTrainees)
    .where(inArray(trainingTrainees.sessionId, sessionIds))
    .groupBy(trainingTrainees.sessionId);
  return new Map(
    rows.map((r) => [
      r.sessionId,
      { trainees: r.trainees, hours: r.hours ?? 0, organisations: r.organisations },
    ]),
  );
}

function sessionsQuery(tx: Tx) {
  return tx
    .select(sessionColumns)
    .from(trainingSessions)
    .leftJoin(provider, eq(provider.id, trainingSessions.providerId))
    .leftJoin(funder, eq(funder.id, trainingSessions.funderId));
}

const inYear = (year: number) =>
  and(gte(trainingSessions.startsOn, `${year}-01-01`), lte(trainingSessions.startsOn, `${year}-12-31`));

/** Sessions starting in the year (all when no year), newest first, each with its computed counts. */
export async function listSessions(tx: Tx, year?: number) {
  const sessions = await sessionsQuery(tx)
    .where(year ? inYear(year) : undefined)
    .orderBy(desc(trainingSessions.startsOn), asc(trainingSessions.title));
  const named = await namedCounts(
    tx,
    sessions.map((s) => s.id),
  );
  return sessions.map((s) => ({ ...s, computed: computed(s, named.get(s.id)) }));
}

export async function getSession(tx: Tx, id: string) {
  const [session] = await sessionsQuery(tx).where(eq(trainingSessions.id, id));
  if (!session) throw new AppError('trainings.session_not_found');
  const trainees = await tx
    .select({
      id: trainingTrainees.id,
      organisationId: trainingTrainees.organisationId,
      organisationName: organisations.name,
      firstName: trainingTrainees.firstName,
      lastName: trainingTrainees.lastName,
      jobTitle: trainingTrainees.jobTitle,
      hours: trainingTrainees.hours,
    })
    .from(trainingTrainees)
    .leftJoin(organisations, eq(organisations.id, trainingTrainees.organisationId))
    .where(eq(trainingTrainees.sessionId, id))
    .orderBy(asc(trainingTrainees.lastName), asc(trainingTrainees.firstName));
  const named = await namedCounts(tx, [id]);
  return { ...session, computed: computed(session, named.get(id)), trainees };
}

type Problem = { field: string; code: string };

async function checkPartner(tx: Tx, field: string, id: string | null | undefined, problems: Problem[]) {
  if (!id) return;
  const [row] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, id));
  if (!row) problems.push({ field, code: 'trainings.partner_unknown' });
}

/** The session as it would be once saved, checked as a whole (dates, partners, place, action). */
async function checkSession(
  tx: Tx,
  next: SessionPatch & { startsOn: string; endsOn: string },
  changed: SessionPatch,
) {
  const problems: Problem[] = [];
  if (next.endsOn < next.startsOn) problems.push({ field: 'endsOn', code: 'trainings.ends_before_starts' });
  await checkPartner(tx, 'providerId', changed.providerId, problems);
  await checkPartner(tx, 'funderId', changed.funderId, problems);
  if (changed.department && !isDepartmentCode(changed.department))
    problems.push({ field: 'department', code: 'trainings.department_invalid' });
  if (changed.actionId) {
    const [action] = await tx
      .select({ id: actions.id })
      .from(actions)
      .where(eq(actions.id, changed.actionId));
    if (!action) problems.push({ field: 'actionId', code: 'trainings.action_unknown' });
  }
  if (problems.length > 0) throw invalidFields(problems);
}

/** Empty texts clear a value; a department code is kept upper-case ("2A"). */
function columnsOf(input: SessionPatch): Partial<typeof trainingSessions.$inferInsert> {
  const values: Partial<typeof trainingSessions.$inferInsert> = {};
  for (const [key, value] of Object.entries(input) as [keyof SessionPatch, unknown][]) {
    if (value === undefined) continue;
    (values as Record<string, unknown>)[key] = value === '' ? null : value;
  }
  if (typeof values.department === 'string') values.department = values.department.toUpperCase();
  return values;
}

export async function createSession(tx: Tx, input: SessionInput) {
  await checkSession(tx, input, input);
  const [row] = await tx
    .insert(trainingSessions)
    .values({ ...columnsOf(input), title: input.title, startsOn: input.startsOn, endsOn: input.endsOn })
    .returning({ id: trainingSessions.id });
  if (!row) throw new Error('training session not created');
  return getSession(tx, row.id);
}

export async function updateSession(tx: Tx, id: string, patch: SessionPatch) {
  const current = await getSession(tx, id);
  await checkSession(
    tx,
    { startsOn: patch.startsOn ?? current.startsOn, endsOn: patch.endsOn ?? current.endsOn },
    patch,
  );
  await tx
    .update(trainingSessions)
    .set({ ...columnsOf(patch), updatedAt: new Date() })
    .where(eq(trainingSessions.id, id));
  return getSession(tx, id);
}

export async function deleteSession(tx: Tx, id: string) {
  const [row] = await tx
    .delete(trainingSessions)
    .where(eq(trainingSessions.id, id))
    .returning({ id: trainingSessions.id });
  if (!row) throw new AppError('trainings.session_not_found');
}

// --- Trainees -----------------------------------------------------------------------

export async function addTrainee(tx: Tx, sessionId: string, input: TraineeInput) {
  await getSession(tx, sessionId);
  if (input.organisationId) {
    const [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!organisation)
      throw invalidFields([{ field: 'organisationId', code: 'trainings.organisation_unknown' }]);
  }
  await tx.insert(trainingTrainees).values({
    sessionId,
    organisationId: input.organisationId ?? null,
    firstName: input.firstName,
    lastName: input.lastName,
    jobTitle: input.jobTitle || null,
    hours: input.hours,
  });
  return getSession(tx, sessionId);
}

export async function removeTrainee(tx: Tx, sessionId: string, traineeId: string) {
  const [row] = await tx
    .delete(trainingTrainees)
    .where(and(eq(trainingTrainees.id, traineeId), eq(trainingTrainees.sessionId, sessionId)))
    .returning({ id: trainingTrainees.id });
  if (!row) throw new AppError('trainings.trainee_not_found');
}
