/**
 * After (or during) an event, staff note who came. The action's participant count then
 * becomes the number of people present, an exact figure from attendance (the yearly
 * report says which counts are measured and which are declared).
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { parisToday } from '../../lib/paris-time.ts';
import { slug } from '../../lib/text.ts';
import { frenchDate, toFrenchCsv } from '../../server/csv.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { actions } from '../actions/actions.table.ts';
import { type EventRow, loadEvent, type RegistrationView, registrationsOf } from './events.queries.ts';
import type { AttendanceInput, WalkInInput } from './events.schemas.ts';
import { insertParticipation, organisationFor, refuseDuplicateEmail, type Viewer } from './events.service.ts';
import { participations } from './events.table.ts';

/** Writes the attended count into the action: `participants_count`, from attendance, exact. */
async function recountAttendance(tx: Tx, actionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(participations)
    .where(
      and(
        eq(participations.actionId, actionId),
        eq(participations.attended, true),
        ne(participations.status, 'cancelled'),
      ),
    );
  const count = row?.n ?? 0;
  await tx
    .update(actions)
    .set({
      participantsCount: count,
      participantsSource: 'attendance',
      participantsQualifier: 'exact',
      updatedAt: new Date(),
    })
    .where(eq(actions.id, actionId));
  return count;
}

export async function takeAttendance(tx: Tx, actionId: string, input: AttendanceInput) {
  const event = await loadEvent(tx, actionId, { lock: true });
  const absent = new Set(input.absent);
  const problems: { field: string; code: string }[] = [];
  input.present.forEach((id, i) => {
    if (absent.has(id)) problems.push({ field: `present.${i}`, code: 'events.attendance_both' });
  });
  const all = [...new Set([...input.present, ...input.absent])];
  const known = new Set(
    all.length === 0
      ? []
      : (
          await tx
            .select({ id: participations.id })
            .from(participations)
            .where(
              and(
                eq(participations.actionId, event.id),
                inArray(participations.id, all),
                ne(participations.status, 'cancelled'),
              ),
            )
        ).map((r) => r.id),
  );
  for (const [list, ids] of [
    ['present', input.present],
    ['absent', input.absent],
  ] as const) {
    ids.forEach((id, i) => {
      if (!known.has(id)) problems.push({ field: `${list}.${i}`, code: 'events.participation_unknown' });
    });
  }
  if (problems.length > 0) throw invalidFields(problems);
  const now = new Date();
  if (input.present.length > 0)
    await tx
      .update(participations)
      .set({ attended: true, updatedAt: now })
      .where(inArray(participations.id, input.present));
  if (input.absent.length > 0)
    await tx
      .update(participations)
      .set({ attended: false, updatedAt: now })
      .where(inArray(participations.id, input.absent));
  const participantsCount = await recountAttendance(tx, event.id);
  return { participantsCount, items: await registrationsOf(tx, [event.id]) };
}

/** Someone who came without registering: noted present, outside the capacity and the closing date. */
export async function addWalkIn(tx: Tx, viewer: Viewer, actionId: string, input: WalkInInput) {
  const event = await loadEvent(tx, actionId, { lock: true });
  const organisationId = await organisationFor(tx, viewer, input.organisationId);
  const email = input.email || null;
  if (email) await refuseDuplicateEmail(tx, event.id, email);
  const row = await insertParticipation(tx, event.id, viewer, {
    organisationId,
    firstName: input.firstName,
    lastName: input.lastName,
    email,
    jobTitle: input.jobTitle || null,
    status: 'registered',
    attended: true,
  });
  const participantsCount = await recountAttendance(tx, event.id);
  const items = await registrationsOf(tx, [event.id]);
  const registration = items.find((r) => r.id === row?.id);
  if (!registration) throw new AppError('internal');
  return { participantsCount, registration };
}

const STATUS_LABELS: Record<RegistrationView['status'], string> = {
  registered: 'Inscrit·e',
  waiting: "Liste d'attente",
  cancelled: 'Annulée',
};

/** The registrations as French Excel opens them. */
export function registrationsCsv(items: RegistrationView[]): string {
  return toFrenchCsv(
    [
      'Nom',
      'Prénom',
      'Organisation',
      'E-mail',
      'Fonction',
      'Statut',
      "Rang d'attente",
      'Inscrit le',
      'Présence',
    ],
    items.map((r) => [
      r.lastName,
      r.firstName,
      r.organisationName ?? '',
      r.email ?? '',
      r.jobTitle ?? '',
      STATUS_LABELS[r.status],
      r.waitingPosition === null ? '' : String(r.waitingPosition),
      frenchDate(parisToday(new Date(r.registeredAt))),
      r.attended === null ? '' : r.attended ? 'Présent·e' : 'Absent·e',
    ]),
  );
}

/** A file name for the export: "inscriptions-2024-05-16-atelier-fse.csv". */
export function csvFileName(event: EventRow): string {
  const name = slug(event.title).slice(0, 50);
  return `inscriptions-${event.startsOn}-${name || 'evenement'}.csv`;
}
