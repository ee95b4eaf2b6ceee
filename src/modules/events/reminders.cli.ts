import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../server/mailer.ts';
import { sendEventReminders } from './reminders.ts';

/**
 * `npx maillage events remind`: sends the reminders due now (the server does it every
 * hour; this runs it at once, e.g. from cron on an installation without a long-running
 * server). Exit code 1 when a send failed (it will be tried again next time).
 */
export async function eventRemindersCommand(
  deps: { database: Database; mailer: Mailer; baseUrl: string },
  io: { out: (text: string) => void; err: (text: string) => void },
  now = new Date(),
): Promise<number> {
  const report = await sendEventReminders(deps.database, deps.mailer, now, deps.baseUrl);
  io.out(`Rappels envoyés : ${report.sent}.\n`);
  if (report.failed > 0) {
    io.err(`Rappels en échec : ${report.failed} (nouvel essai au prochain passage).\n`);
    return 1;
  }
  return 0;
}
