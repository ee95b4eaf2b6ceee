import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail, Mailer } from '../../server/mailer.ts';
import { createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { captureCli } from '../../test/cli.ts';
import { smtpCatcher } from '../../test/smtp.ts';
import { buildWorld, caller, goodValuesFor, openCampaign, type World } from './campaigns.fixtures.ts';
import { observatoryRemindersCommand } from './reminders.cli.ts';
import { sendCampaignReminders } from './reminders.ts';

// A real SMTP exchange for the last reminder: the app's mailer talks to an in-process server.
const smtp = smtpCatcher();
const { received } = smtp;

let t: TestApp;
let world: World;
let call: ReturnType<typeof caller>;
let campaign: string;
let secondChorus: string;
let memory: Mailer;
const DEADLINE = '2025-03-31';

beforeAll(async () => {
  // A database of its own: the reminders go over every delegation's campaigns.
  t = await createTestApp({ own: true });
  // The same in-memory outbox the app's own mailer fills.
  memory = { send: async (mail: Mail) => void t.sentMail.push(mail) };
  world = await buildWorld(t);
  call = caller(t, world);
  secondChorus = (
    await signedInAs(t, {
      delegationId: world.delegationId,
      role: 'member',
      organisationId: world.organisations.chorus,
    })
  ).email;
  campaign = await openCampaign(t, world, 2024, DEADLINE);
  // A draft campaign with the same deadline reminds nobody.
  await call('staff', 'POST', '/api/observatory/campaigns', {
    year: 2018,
    title: 'Brouillon',
    opensOn: '2025-01-01',
    deadline: DEADLINE,
  });
  // REGAIN has answered; CHORUS has a draft for AI and nothing for ACI; L'ABEILLE VERTE nothing.
  const regain = await call('regain', 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
    conventionType: 'ACI',
    values: goodValuesFor('ACI'),
  });
  await call('regain', 'POST', `/api/observatory/submissions/${regain.json().id}/submit`, {});
  await call('chorus', 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
    conventionType: 'AI',
    values: { persons: 3 },
  });
});
afterAll(() => t.close());

describe('campaign reminders', () => {
  it('e-mails, 14 days before, the member users of organisations that have not submitted', async () => {
    const report = await sendCampaignReminders(t.database, memory, '2025-03-17', TEST_ORIGIN);
    expect(report).toEqual({ campaigns: 1, sent: 3, failed: 0 });
    expect(t.sentMail.map((m) => m.to).sort()).toEqual(
      [world.emails.abeille, world.emails.chorus, secondChorus].sort(),
    );
    const chorus = t.sentMail.find((m) => m.to === world.emails.chorus)!;
    expect(chorus.subject).toBe('Observatoire 2024 : vos chiffres sont attendus dans 14 jours');
    expect(chorus.text).toContain(
      'La campagne « Observatoire 2024 » de l’observatoire attend encore les chiffres 2024 de CHORUS.',
    );
    expect(chorus.text).toContain('Formulaires à transmettre : AI, ACI.');
    expect(chorus.text).toContain('Date limite : lundi 31 mars 2025 (dans 14 jours).');
    expect(chorus.text).toContain(`${TEST_ORIGIN}/observatoire/formulaires`);
    const campaignRow = (await call('staff', 'GET', `/api/observatory/campaigns/${campaign}`)).json();
    expect(campaignRow.lastReminderOn).toBe('2025-03-17');
  });

  it('sends once per campaign and day, and only on the reminder days', async () => {
    t.sentMail.length = 0;
    expect(await sendCampaignReminders(t.database, memory, '2025-03-17', TEST_ORIGIN)).toEqual({
      campaigns: 0,
      sent: 0,
      failed: 0,
    });
    expect(await sendCampaignReminders(t.database, memory, '2025-03-18', TEST_ORIGIN)).toEqual({
      campaigns: 0,
      sent: 0,
      failed: 0,
    });
    // 7 days before, as `npx maillage observatory remind` runs it.
    const { code, output } = await captureCli((io) =>
      observatoryRemindersCommand(
        { database: t.database, mailer: memory, baseUrl: TEST_ORIGIN },
        io,
        '2025-03-24',
      ),
    );
    expect(code).toBe(0);
    expect(output).toEqual(['Campagnes relancées : 1. Rappels envoyés : 3.\n']);
    expect(t.sentMail).toHaveLength(3);
  });

  it('the day before, over SMTP, reminds only those still missing', async () => {
    const abeille = await call('abeille', 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
      conventionType: 'EBE',
      values: goodValuesFor('EBE'),
    });
    expect(
      (await call('abeille', 'POST', `/api/observatory/submissions/${abeille.json().id}/submit`, {}))
        .statusCode,
    ).toBe(200);
    const mailer = smtp.mailer();
    const report = await sendCampaignReminders(t.database, mailer, '2025-03-30', TEST_ORIGIN);
    expect(report).toEqual({ campaigns: 1, sent: 2, failed: 0 });
    expect(received.map((m) => m.to).sort()).toEqual([world.emails.chorus, secondChorus].sort());
    expect(received[0]?.data).toMatch(/^Subject: Observatoire 2024 : vos chiffres sont attendus demain/m);
    // A closed campaign reminds nobody, even on a reminder day it has not used.
    await call('staff', 'PATCH', `/api/observatory/campaigns/${campaign}`, { status: 'closed' });
    expect(await sendCampaignReminders(t.database, mailer, '2025-03-24', TEST_ORIGIN)).toEqual({
      campaigns: 0,
      sent: 0,
      failed: 0,
    });
  });
});
