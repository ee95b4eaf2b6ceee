/**
 * Reads shared by the events use cases: an event (an action open to registration), its
 * counts, its waiting list order and its registrations as the API shows them.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { parisToday } from '../../lib/paris-time.ts';
import { AppError } from '../../server/errors.ts';
import { actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import { participations } from './events.table.ts';
import { parisInstant } from './paris-time.ts';

export type EventRow = typeof actions.$inferSelect;
export type ParticipationRow = typeof participations.$inferSelect;

/** An event of the caller's delegation; `lock` holds its row until the transaction ends. */
export async function loadEvent(tx: Tx, actionId: string, options: { lock?: boolean } = {}) {
  const query = tx
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.registrationOpen, true)));
  // FOR UPDATE serialises the registrations of one event: the count of places taken
  // cannot change between reading it and inserting the new registration.
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('events.not_found');
  return row;
}

export const startOf = (event: Pick<EventRow, 'startsOn' | 'startTime'>) =>
  parisInstant(event.startsOn, event.startTime);

/** Why registrations are refused now, if they are: the closing day has passed, or the event began. */
export function closedReason(event: EventRow, now: Date): 'started' | 'closed' | null {
  if (now.getTime() >= startOf(event).getTime()) return 'started';
  if (event.registrationClosesOn && parisToday(now) > event.registrationClosesOn) return 'closed';
  return null;
}

export interface EventCounts {
  registered: number;
  waiting: number;
  attended: number;
}

export async function countsOf(tx: Tx, actionIds: string[]): Promise<Map<string, EventCounts>> {
  if (actionIds.length === 0) return new Map();
  const rows = await tx
    .select({
      actionId: participations.actionId,
      registered: sql<number>`(count(*) filter (where ${participations.status} = 'registered'))::int`,
      waiting: sql<number>`(count(*) filter (where ${participations.status} = 'waiting'))::int`,
      attended: sql<number>`(count(*) filter (where ${participations.attended} and ${participations.status} <> 'cancelled'))::int`,
    })
    .from(participations)
    .where(inArray(participations.actionId, actionIds))
    .groupBy(participations.actionId);
  return new Map(rows.map(({ actionId, ...counts }) => [actionId, counts]));
}

export const noCounts: EventCounts = { registered: 0, waiting: 0, attended: 0 };

/** Order of arrival on the waiting lists: participation id → 1, 2, 3… within its event. */
export async function waitingPositions(tx: Tx, actionIds: string[]): Promise<Map<string, number>> {
  if (actionIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: participations.id, actionId: participations.actionId })
    .from(participations)
    .where(and(inArray(participations.actionId, actionIds), eq(participations.status, 'waiting')))
    .orderBy(asc(participations.createdAt), asc(participations.id));
  const next = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const row of rows) {
    const position = (next.get(row.actionId) ?? 0) + 1;
    next.set(row.actionId, position);
    positions.set(row.id, position);
  }
  return positions;
}

export interface RegistrationView {
  id: string;
  actionId: string;
  organisationId: string | null;
  organisationName: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  jobTitle: string | null;
  status: ParticipationRow['status'];
  attended: boolean | null;
  waitingPosition: number | null;
  registeredAt: string;
  cancelledAt: string | null;
}

/**
 * Registrations of some events, in the order staff read them: confirmed, waiting (in
 * order of arrival), cancelled. `organisationId` restricts them to one organisation's
 * people; `live` leaves the cancelled ones out.
 */
export async function registrationsOf(
  tx: Tx,
  actionIds: string[],
  options: { organisationId?: string | null; live?: boolean } = {},
): Promise<RegistrationView[]> {
  if (actionIds.length === 0) return [];
  const rows = await tx
    .select({ p: participations, organisationName: organisations.name })
    .from(participations)
    .leftJoin(organisations, eq(organisations.id, participations.organisationId))
    .where(
      and(
        inArray(participations.actionId, actionIds),
        options.organisationId ? eq(participations.organisationId, options.organisationId) : undefined,
        options.live ? ne(participations.status, 'cancelled') : undefined,
      ),
    )
    .orderBy(
      sql`case ${participations.status} when 'registered' then 0 when 'waiting' then 1 else 2 end`,
      asc(participations.createdAt),
      asc(participations.id),
    );
  const positions = await waitingPositions(tx, actionIds);
  return rows.map(({ p, organisationName }) => presentRegistration(p, organisationName, positions));
}

export function presentRegistration(
  p: ParticipationRow,
  organisationName: string | null,
  positions: Map<string, number>,
): RegistrationView {
  return {
    id: p.id,
    actionId: p.actionId,
    organisationId: p.organisationId,
    organisationName,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    jobTitle: p.jobTitle,
    status: p.status,
    attended: p.attended,
    waitingPosition: positions.get(p.id) ?? null,
    registeredAt: p.createdAt.toISOString(),
    cancelledAt: p.cancelledAt?.toISOString() ?? null,
  };
}
