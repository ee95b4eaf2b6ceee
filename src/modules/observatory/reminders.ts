/**
 * Deadline reminders of an open campaign, 14, 7 and 1 day(s) before its deadline, to
 * the member users of organisations that still have a form to transmit. Every app server
 * may run the job: a campaign's reminder of the day is claimed by an UPDATE … WHERE
 * last_reminder_on IS DISTINCT FROM today, so it goes out once per campaign and day.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Database, type Tx, withTenant } from '../../db/client.ts';
import { composeMail, type Mail, type Mailer } from '../../server/mailer.ts';
import { userRoles, users } from '../accounts/accounts.table.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { membersBetween } from '../members/membership.periods.ts';
import { observatoryCampaigns, observatorySubmissions } from './observatory.table.ts';
import { expectedForms } from './submissions.access.ts';

export const REMINDER_DAYS = [14, 7, 1] as const;

export interface CampaignReminderReport {
  campaigns: number;
  sent: number;
  failed: number;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const frenchDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
export const frenchDay = (iso: string) => frenchDate.format(new Date(`${iso}T00:00:00Z`));

interface Recipient {
  email: string;
  name: string;
  organisationName: string;
  pendingTypes: string[];
}

/** Member users of current member organisations with at least one form not transmitted. */
async function recipients(tx: Tx, campaignId: string, today: string): Promise<Recipient[]> {
  const members = await membersBetween(tx, today);
  const answered = await tx
    .select({
      organisationId: observatorySubmissions.organisationId,
      type: observatorySubmissions.conventionType,
    })
    .from(observatorySubmissions)
    .where(
      and(
        eq(observatorySubmissions.campaignId, campaignId),
        inArray(observatorySubmissions.status, ['submitted', 'validated']),
      ),
    );
  const done = new Set(answered.map((a) => `${a.organisationId}/${a.type}`));
  const pending = new Map<string, string[]>();
  for (const form of await expectedForms(
    tx,
    members.map((m) => m.id),
  )) {
    if (done.has(`${form.organisationId}/${form.conventionType}`)) continue;
    pending.set(form.organisationId, [...(pending.get(form.organisationId) ?? []), form.conventionType]);
  }
  if (pending.size === 0) return [];
  const people = await tx
    .select({ email: users.email, name: users.name, organisationId: userRoles.organisationId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'member'), inArray(userRoles.organisationId, [...pending.keys()])))
    .orderBy(asc(users.email));
  const names = new Map(members.map((m) => [m.id, m.name]));
  return people.map((p) => ({
    email: p.email,
    name: p.name,
    organisationName: names.get(p.organisationId ?? '') ?? '',
    pendingTypes: pending.get(p.organisationId ?? '') ?? [],
  }));
}

export function reminderMail(
  person: Recipient,
  campaign: { year: number; title: string; deadline: string },
  context: { daysLeft: number; baseUrl: string; delegationName: string },
): Mail {
  const when = context.daysLeft === 1 ? 'demain' : `dans ${context.daysLeft} jours`;
  const forms = person.pendingTypes.length > 1 ? 'Formulaires à transmettre' : 'Formulaire à transmettre';
  return composeMail({
    to: person.email,
    subject: `Observatoire ${campaign.year} : vos chiffres sont attendus ${when}`,
    lines: [
      `Bonjour ${person.name},`,
      '',
      `La campagne « ${campaign.title} » de l’observatoire attend encore les chiffres ${campaign.year} de ${person.organisationName}.`,
      `${forms} : ${person.pendingTypes.join(', ')}.`,
      `Date limite : ${frenchDay(campaign.deadline)} (${when}).`,
      '',
      `Pour saisir ou terminer vos réponses : ${context.baseUrl}/observatoire/formulaires`,
      '',
      'Si vous venez de transmettre vos chiffres, ne tenez pas compte de ce message.',
      '',
      context.delegationName,
    ],
  });
}

/** Sends the reminders due on `today` (an ISO date, in France) for every delegation. */
export async function sendCampaignReminders(
  database: Database,
  mailer: Mailer,
  today: string,
  baseUrl: string,
): Promise<CampaignReminderReport> {
  const report: CampaignReminderReport = { campaigns: 0, sent: 0, failed: 0 };
  const dueDeadlines = REMINDER_DAYS.map((days) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
  );
  // Delegations are the tenants: listing them needs no tenant context.
  const tenants = await database.db.select({ id: delegations.id, name: delegations.name }).from(delegations);
  for (const tenant of tenants) {
    const context = { delegationId: tenant.id, userId: null };
    const batches = await withTenant(database.db, context, async (tx) => {
      const claimed = await tx
        .update(observatoryCampaigns)
        .set({ lastReminderOn: today })
        .where(
          and(
            eq(observatoryCampaigns.status, 'open'),
            inArray(observatoryCampaigns.deadline, dueDeadlines),
            sql`${observatoryCampaigns.lastReminderOn} is distinct from ${today}::date`,
          ),
        )
        .returning();
      const out = [];
      for (const campaign of claimed)
        out.push({ campaign, people: await recipients(tx, campaign.id, today) });
      return out;
    });
    // Sent once the claim is committed: a crash in between loses a day's reminder, never doubles it.
    for (const { campaign, people } of batches) {
      report.campaigns += 1;
      const daysLeft = daysBetween(today, campaign.deadline);
      for (const person of people) {
        try {
          await mailer.send(
            reminderMail(person, campaign, { daysLeft, baseUrl, delegationName: tenant.name }),
          );
          report.sent += 1;
        } catch {
          report.failed += 1;
        }
      }
    }
  }
  return report;
}

/** The run of the hourly job: today's reminders, "today" in France. */
export const sendTodaysCampaignReminders = (database: Database, mailer: Mailer, baseUrl: string) =>
  sendCampaignReminders(database, mailer, todayInFrance(), baseUrl);
