import type { Database } from '../../db/client.ts';
import type { Mailer } from '../../server/mailer.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { sendCampaignReminders } from './reminders.ts';

/**
 * `npx maillage observatory remind`: sends today's campaign reminders at once (the server
 * checks every hour; this is for cron on an installation without a long-running server).
 * Exit code 1 when a send failed.
 */
export async function observatoryRemindersCommand(
  deps: { database: Database; mailer: Mailer; baseUrl: string },
  io: { out: (text: string) => void; err: (text: string) => void },
  today = todayInFrance(),
): Promise<number> {
  const report = await sendCampaignReminders(deps.database, deps.mailer, today, deps.baseUrl);
  io.out(`Campagnes relancées : ${report.campaigns}. Rappels envoyés : ${report.sent}.\n`);
  if (report.failed > 0) {
    io.err(`Rappels en échec : ${report.failed}.\n`);
    return 1;
  }
  return 0;
}
