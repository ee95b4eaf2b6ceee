import { inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import type { Mailer } from '../../server/mailer.ts';
import { request, TEST_ORIGIN } from '../../test/app.ts';
import { captureCli } from '../../test/cli.ts';
import { routeWorld } from '../../test/route-world.ts';
import { smtpCatcher } from '../../test/smtp.ts';
import { participations } from './events.table.ts';
import { addDays, parisInstant, parisToday } from './paris-time.ts';
import { eventRemindersCommand } from './reminders.cli.ts';
import { sendEventReminders } from './reminders.ts';
import { insertAction, insertOrganisation, person } from './test-fixtures.ts';

// A real SMTP exchange: the app's mailer talks to an in-process SMTP server.
const smtp = smtpCatcher();
const { received } = smtp;
const w = routeWorld(() => ({ mailer: smtp.mailer() }));

/** The text of a received message, quoted-printable decoded (nodemailer encodes accents). */
function bodyOf(data: string): string {
  const unfolded = data.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded[i] === '=' ? unfolded.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(unfolded[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

let mailer: Mailer;
let member: string;

beforeAll(async () => {
  mailer = smtp.mailer();
  member = await w.as('member', await insertOrganisation(w.t, w.delegationId, 'CHORUS'));
});
beforeEach(() => {
  received.length = 0;
  smtp.refuse = false;
});

describe('registration e-mails over SMTP', () => {
  it('sends the confirmation, in French, to the registered person', async () => {
    const id = await insertAction(w.t, w.delegationId, {
      title: 'Webinaire « L’Instant Coorace »',
      startsOn: '2031-12-04',
      endsOn: '2031-12-04',
      startTime: '11:00',
      endTime: '12:00',
      online: true,
      town: null,
      department: null,
    });
    const response = await request(w.t, member, 'POST', `/api/events/${id}/registrations`, person('smtp'));
    expect(response.statusCode, response.body).toBe(201);
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toBe('camille.martin.smtp@example.org');
    const text = bodyOf(received[0]?.data ?? '');
    expect(text).toMatch(/^Subject: =\?UTF-8\?Q\?Inscription_confirm/m);
    expect(text).toContain('Bonjour Camille Martin smtp,');
    expect(text).toContain('Votre inscription à « Webinaire « L’Instant Coorace » » est confirmée.');
    expect(text).toContain('Date : le jeudi 4 décembre 2031, de 11 h 00 à 12 h 00');
    expect(text).toContain('Lieu : en ligne');
    expect(text).toContain(`${TEST_ORIGIN}/evenements`);
  });

  it('keeps the registration when the mail server refuses the message', async () => {
    const id = await insertAction(w.t, w.delegationId);
    smtp.refuse = true;
    const response = await request(w.t, member, 'POST', `/api/events/${id}/registrations`, person('refused'));
    expect(response.statusCode).toBe(201);
    expect(received).toHaveLength(0);
    smtp.refuse = false;
    const sentOk = await request(w.t, member, 'POST', `/api/events/${id}/registrations`, person('accepted'));
    const rows = await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
      tx
        .select({ id: participations.id, sentAt: participations.confirmationSentAt })
        .from(participations)
        .where(inArray(participations.id, [response.json().id, sentOk.json().id])),
    );
    const sentAt = new Map(rows.map((r) => [r.id, r.sentAt]));
    // The refused one is known as not confirmed by mail.
    expect(sentAt.get(response.json().id)).toBeNull();
    expect(sentAt.get(sentOk.json().id)).toBeInstanceOf(Date);
  });
});

describe('reminders the day before', () => {
  it('reminds each registered person once, not those waiting, and not once the event began', async () => {
    const now = new Date();
    const tomorrow = addDays(parisToday(now), 1);
    const id = await insertAction(w.t, w.delegationId, {
      title: 'Atelier achats responsables',
      startsOn: tomorrow,
      endsOn: tomorrow,
      startTime: '09:30',
      endTime: '12:00',
      capacity: 1,
    });
    const later = await insertAction(w.t, w.delegationId, { inDays: 5 });
    const monthOnly = await insertAction(w.t, w.delegationId, {
      startsOn: tomorrow,
      endsOn: tomorrow,
      datePrecision: 'month',
    });
    const registered = await request(w.t, member, 'POST', `/api/events/${id}/registrations`, person('r-1'));
    const waiting = await request(w.t, member, 'POST', `/api/events/${id}/registrations`, person('r-2'));
    expect([registered.json().status, waiting.json().status]).toEqual(['registered', 'waiting']);
    await request(w.t, member, 'POST', `/api/events/${later}/registrations`, person('r-3'));
    await request(w.t, member, 'POST', `/api/events/${monthOnly}/registrations`, person('r-4'));
    received.length = 0;

    const first = await sendEventReminders(w.t.database, mailer, now, TEST_ORIGIN);
    expect(first).toEqual({ sent: 1, failed: 0 });
    expect(received.map((m) => m.to)).toEqual(['camille.martin.r-1@example.org']);
    const text = bodyOf(received[0]?.data ?? '');
    expect(text).toContain('vous êtes inscrit·e à « Atelier achats responsables », demain.');
    expect(text).toMatch(/Date : le \w+ \d{1,2} \S+ \d{4}, de 9 h 30 à 12 h 00/);
    expect(text).toContain('Lieu : Toulouse (31)');

    // The next hourly run, or another app server: nothing more.
    expect(await sendEventReminders(w.t.database, mailer, now, TEST_ORIGIN)).toEqual({ sent: 0, failed: 0 });
    // Once the event has begun, a late registration is not reminded.
    const started = new Date(parisInstant(tomorrow, '09:31').getTime());
    expect(await sendEventReminders(w.t.database, mailer, started, TEST_ORIGIN)).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(received).toHaveLength(1);
  });

  it('tries again at the next run when the mail server refused the reminder', async () => {
    const now = new Date();
    const tomorrow = addDays(parisToday(now), 1);
    const id = await insertAction(w.t, w.delegationId, {
      startsOn: tomorrow,
      endsOn: tomorrow,
      startTime: '23:00',
      endTime: '23:30',
    });
    await request(w.t, member, 'POST', `/api/events/${id}/registrations`, person('retry'));
    received.length = 0;
    smtp.refuse = true;
    // As `npx maillage events remind` runs it.
    const { code, output } = await captureCli((io) =>
      eventRemindersCommand({ database: w.t.database, mailer, baseUrl: TEST_ORIGIN }, io, now),
    );
    expect(code).toBe(1);
    expect(output).toEqual([
      'Rappels envoyés : 0.\n',
      'Rappels en échec : 1 (nouvel essai au prochain passage).\n',
    ]);
    smtp.refuse = false;
    expect(await sendEventReminders(w.t.database, mailer, now, TEST_ORIGIN)).toEqual({ sent: 1, failed: 0 });
    expect(received.map((m) => m.to)).toEqual(['camille.martin.retry@example.org']);
  });
});
