/**
 * Events are the actions the delegation runs with registrations open. Any signed-in user
 * of the delegation sees them (they are run for its members); a member user registers
 * and cancels its own organisation's people, staff anyone. Registrations beyond the
 * capacity wait in order of arrival and take the places that free up.
 */

import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { parisToday } from '../../lib/paris-time.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import { isMember, type Viewer as PolicyViewer } from '../../shared/policies.ts';
import { actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import {
  closedReason,
  countsOf,
  type EventCounts,
  type EventRow,
  loadEvent,
  noCounts,
  type ParticipationRow,
  registrationsOf,
  startOf,
} from './events.queries.ts';
import type { RegistrationInput } from './events.schemas.ts';
import { participations } from './events.table.ts';

/** Who asks; registrations keep which user made them. */
export type Viewer = PolicyViewer & { userId: string };

function presentEvent(event: EventRow, counts: EventCounts, now: Date) {
  const reason = closedReason(event, now);
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    datePrecision: event.datePrecision,
    startTime: event.startTime,
    endTime: event.endTime,
    online: event.online,
    town: event.town,
    department: event.department,
    summary: event.summary,
    visibility: event.visibility,
    capacity: event.capacity,
    registrationClosesOn: event.registrationClosesOn,
    registrationState: reason ?? ('open' as const),
    registeredCount: counts.registered,
    waitingCount: counts.waiting,
    attendedCount: counts.attended,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - counts.registered),
    participantsCount: event.participantsCount,
  };
}
export type EventView = ReturnType<typeof presentEvent>;

/** The events, soonest first, with their places left and the caller's organisation's registrations. */
export async function listEvents(tx: Tx, viewer: Viewer, options: { upcoming: boolean; now: Date }) {
  const rows = await tx
    .select()
    .from(actions)
    .where(
      and(
        eq(actions.registrationOpen, true),
        options.upcoming ? gte(actions.endsOn, parisToday(options.now)) : undefined,
      ),
    )
    .orderBy(asc(actions.startsOn), asc(actions.startTime), asc(actions.title))
    .limit(500);
  const ids = rows.map((r) => r.id);
  const counts = await countsOf(tx, ids);
  const own =
    isMember(viewer) && viewer.organisationId
      ? await registrationsOf(tx, ids, { organisationId: viewer.organisationId, live: true })
      : [];
  const items = rows.map((row) => ({
    ...presentEvent(row, counts.get(row.id) ?? noCounts, options.now),
    ownRegistrations: own.filter((r) => r.actionId === row.id),
  }));
  return { items };
}

export async function getEvent(tx: Tx, actionId: string, now: Date) {
  const event = await loadEvent(tx, actionId);
  const counts = await countsOf(tx, [event.id]);
  return presentEvent(event, counts.get(event.id) ?? noCounts, now);
}

/** Staff see every registration of an event; a member user its own organisation's. */
export async function listRegistrations(tx: Tx, viewer: Viewer, actionId: string) {
  const event = await loadEvent(tx, actionId);
  if (!isMember(viewer)) return { items: await registrationsOf(tx, [event.id]) };
  // A member user bound to no organisation has no registrations to see.
  if (!viewer.organisationId) return { items: [] };
  return { items: await registrationsOf(tx, [event.id], { organisationId: viewer.organisationId }) };
}

/** The organisation a registration is for: a member user's own, or one staff named (checked). */
export async function organisationFor(tx: Tx, viewer: Viewer, asked: string | null | undefined) {
  if (isMember(viewer)) {
    if (asked && asked !== viewer.organisationId)
      throw fieldError('organisationId', 'events.other_organisation');
    return viewer.organisationId;
  }
  if (!asked) return null;
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, asked));
  if (!row) throw fieldError('organisationId', 'events.organisation_unknown');
  return row.id;
}

export function fieldError(field: string, code: ErrorCode) {
  return new AppError(code, { fields: [{ field, code, message: message(code) }] });
}

/**
 * A participation recorded by the viewer. Its time is the time the place was taken
 * (after the lock), not the transaction's start: the waiting list follows the order in
 * which registrations got in.
 */
export async function insertParticipation(
  tx: Tx,
  actionId: string,
  viewer: Viewer,
  person: Omit<typeof participations.$inferInsert, 'actionId' | 'registeredBy' | 'createdAt'>,
) {
  const [participation] = await tx
    .insert(participations)
    .values({ actionId, ...person, registeredBy: viewer.userId, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!participation) throw new Error('participation insert returned nothing');
  return participation;
}

/** 409 on `email` when the address already holds a live registration to the event. */
export async function refuseDuplicateEmail(tx: Tx, actionId: string, email: string) {
  const [taken] = await tx
    .select({ id: participations.id })
    .from(participations)
    .where(
      and(
        eq(participations.actionId, actionId),
        sql`lower(${participations.email}) = ${email.toLowerCase()}`,
        sql`${participations.status} <> 'cancelled'`,
      ),
    );
  if (taken) throw fieldError('email', 'events.already_registered');
}

async function registeredCount(tx: Tx, actionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(participations)
    .where(and(eq(participations.actionId, actionId), eq(participations.status, 'registered')));
  return row?.n ?? 0;
}

/**
 * Gives the free places to the waiting list, first come first served (a place freed by a
 * cancellation, or a capacity raised since). Runs with the event's row locked.
 */
async function fillFreePlaces(tx: Tx, event: EventRow): Promise<ParticipationRow[]> {
  const free = event.capacity === null ? null : event.capacity - (await registeredCount(tx, event.id));
  if (free !== null && free <= 0) return [];
  const waiting = await tx
    .select({ id: participations.id })
    .from(participations)
    .where(and(eq(participations.actionId, event.id), eq(participations.status, 'waiting')))
    .orderBy(asc(participations.createdAt), asc(participations.id))
    .limit(free ?? 100_000);
  if (waiting.length === 0) return [];
  return tx
    .update(participations)
    .set({ status: 'registered', updatedAt: new Date() })
    .where(
      inArray(
        participations.id,
        waiting.map((w) => w.id),
      ),
    )
    .returning();
}

export interface RegistrationOutcome {
  event: EventRow;
  participation: ParticipationRow;
  /** Place on the waiting list (1 = next to get a place), null when registered. */
  waitingPosition: number | null;
  /** People of the waiting list who got a place in the same transaction. */
  promoted: ParticipationRow[];
}

export async function register(
  tx: Tx,
  viewer: Viewer,
  actionId: string,
  input: RegistrationInput,
  now: Date,
): Promise<RegistrationOutcome> {
  const event = await loadEvent(tx, actionId, { lock: true });
  if (closedReason(event, now)) throw new AppError('events.registration_closed');
  const organisationId = await organisationFor(tx, viewer, input.organisationId);
  await refuseDuplicateEmail(tx, event.id, input.email);
  const promoted = await fillFreePlaces(tx, event);
  const taken = await registeredCount(tx, event.id);
  const status = event.capacity === null || taken < event.capacity ? 'registered' : 'waiting';
  const participation = await insertParticipation(tx, event.id, viewer, {
    organisationId,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    jobTitle: input.jobTitle || null,
    status,
  });
  let waitingPosition: number | null = null;
  if (status === 'waiting') {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(participations)
      .where(and(eq(participations.actionId, event.id), eq(participations.status, 'waiting')));
    waitingPosition = row?.n ?? 1;
  }
  return { event, participation, waitingPosition, promoted };
}

export async function cancelRegistration(tx: Tx, viewer: Viewer, actionId: string, id: string, now: Date) {
  const event = await loadEvent(tx, actionId, { lock: true });
  const [current] = await tx
    .select()
    .from(participations)
    .where(and(eq(participations.id, id), eq(participations.actionId, event.id)));
  // Another organisation's registration does not exist for a member user.
  if (!current || (isMember(viewer) && current.organisationId !== viewer.organisationId))
    throw new AppError('events.registration_not_found');
  if (current.status === 'cancelled') throw new AppError('events.already_cancelled');
  if (now.getTime() >= startOf(event).getTime()) throw new AppError('events.already_started');
  const [cancelled] = await tx
    .update(participations)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(eq(participations.id, id))
    .returning();
  const promoted = await fillFreePlaces(tx, event);
  return { event, participation: cancelled as ParticipationRow, promoted };
}
