/**
 * The reminder e-mail, the day before an event (or on the day, before it starts, when the
 * job did not run the day before). Every app server may run the job: each reminder is
 * claimed by an UPDATE … WHERE reminder_sent_at IS NULL in its own transaction, so it is
 * sent once; a failed send rolls the claim back and the next run tries again.
 */
import { and, asc, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import { type Database, withTenant } from '../../db/client.ts';
import { addDays, parisToday } from '../../lib/paris-time.ts';
import type { Mailer } from '../../server/mailer.ts';
import { actions } from '../actions/actions.table.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { reminderMail } from './events.mail.ts';
import { startOf } from './events.queries.ts';
import { participations } from './events.table.ts';

export interface ReminderReport {
  sent: number;
  failed: number;
}

export async function sendEventReminders(
  database: Database,
  mailer: Mailer,
  now: Date,
  baseUrl: string,
): Promise<ReminderReport> {
  const report: ReminderReport = { sent: 0, failed: 0 };
  const today = parisToday(now);
  const tomorrow = addDays(today, 1);
  // Delegations are the tenants: listing them needs no tenant context.
  const tenants = await database.db
    .select({ id: delegations.id, name: delegations.name })
    .from(delegations)
    .orderBy(asc(delegations.createdAt));
  for (const tenant of tenants) {
    const context = { delegationId: tenant.id, userId: null };
    const due = await withTenant(database.db, context, (tx) =>
      tx
        .select({ participation: participations, event: actions })
        .from(participations)
        .innerJoin(actions, eq(actions.id, participations.actionId))
        .where(
          and(
            eq(actions.registrationOpen, true),
            eq(actions.datePrecision, 'day'),
            gte(actions.startsOn, today),
            lte(actions.startsOn, tomorrow),
            eq(participations.status, 'registered'),
            isNotNull(participations.email),
            isNull(participations.reminderSentAt),
          ),
        ),
    );
    for (const { participation, event } of due) {
      if (now.getTime() >= startOf(event).getTime()) continue;
      try {
        await withTenant(database.db, context, async (tx) => {
          const claimed = await tx
            .update(participations)
            .set({ reminderSentAt: now })
            .where(and(eq(participations.id, participation.id), isNull(participations.reminderSentAt)))
            .returning({ id: participations.id });
          if (claimed.length === 0) return;
          await mailer.send(
            reminderMail({ ...participation, email: participation.email as string }, event, {
              baseUrl,
              delegationName: tenant.name,
              today: event.startsOn === today,
            }),
          );
          report.sent += 1;
        });
      } catch {
        report.failed += 1;
      }
    }
  }
  return report;
}

/**
 * Runs the reminders a minute after start, then every hour. The timer does not keep the
 * process alive; the returned function stops it (on shutdown).
 */
export function startReminderJob(
  run: () => Promise<ReminderReport>,
  onError: (error: unknown) => void,
  intervalMs = 3_600_000,
): () => void {
  const tick = () => void run().catch(onError);
  const first = setTimeout(tick, 60_000);
  const every = setInterval(tick, intervalMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
