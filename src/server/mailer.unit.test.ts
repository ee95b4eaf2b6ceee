import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reminderMail as eventReminderMail, registrationMail } from '../modules/events/events.mail.ts';
import { reminderMail as campaignReminderMail } from '../modules/observatory/reminders.ts';
import { composeMail, createMailer } from './mailer.ts';

/** A name as a member could type it: line breaks, a tab, a NUL, a Unicode line separator. */
const TYPED =
  'Camille\r\n\r\nVotre compte est suspendu : https://pirate.example\u2028Bcc: x@pirate.example\t\u0000!';
const injectedLine = /^(Votre compte|Bcc:)/m;

describe('development outbox', () => {
  it('writes each message as an .eml file a mail client can open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maillage-outbox-'));
    try {
      const mailer = createMailer({
        from: 'Maillage <no-reply@example.org>',
        outboxDir: join(dir, 'outbox'),
      });
      await mailer.send(
        composeMail({
          to: 'camille@example.org',
          subject: 'Invitation à rejoindre Maillage',
          lines: ['Bonjour,', 'lien'],
        }),
      );
      const files = await readdir(join(dir, 'outbox'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = await readFile(join(dir, 'outbox', files[0] ?? ''), 'utf8');
      expect(eml).toMatch(/^To: camille@example\.org$/m);
      expect(eml).toMatch(/^Subject: /m);
      expect(eml).toMatch(/^From: Maillage <no-reply@example\.org>$/m);
      expect(eml).toMatch(/^Bonjour,\nlien$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('puts a typed value in the subject and the body without a header or a line of its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maillage-outbox-'));
    try {
      const mailer = createMailer({
        from: 'Maillage\r\nBcc: x@pirate.example <no-reply@example.org>',
        outboxDir: dir,
      });
      await mailer.send(
        composeMail({
          to: 'camille@example.org',
          subject: `Bienvenue ${TYPED}`,
          lines: [`Bonjour ${TYPED},`],
        }),
      );
      const [file] = await readdir(dir);
      const eml = await readFile(join(dir, file ?? ''), 'utf8');
      const [headers = '', body = ''] = eml.split('\n\n');
      expect(headers).not.toMatch(/^Bcc:/im);
      expect(body).not.toMatch(injectedLine);
      expect(eml.replaceAll('\n', '')).not.toMatch(/\p{Cc}|\u2028/u);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('composeMail, the one place a mail is made', () => {
  it('turns every run of control characters of a value into one space, keeping the lines it is given', () => {
    const mail = composeMail({
      to: ' camille@example.org\n',
      subject: `Sujet ${TYPED}`,
      lines: [`Bonjour ${TYPED},`, '', 'Fin'],
    });
    expect(mail.to).toBe('camille@example.org');
    expect(mail.subject).toBe(
      'Sujet Camille Votre compte est suspendu : https://pirate.example Bcc: x@pirate.example !',
    );
    expect(mail.text.split('\n')).toEqual([
      'Bonjour Camille Votre compte est suspendu : https://pirate.example Bcc: x@pirate.example !,',
      '',
      'Fin',
    ]);
  });

  it('keeps names typed with line breaks on their line in every mail Maillage builds', () => {
    const person = { firstName: TYPED, lastName: 'Martin', email: 'camille@example.org' };
    const event = {
      title: `Atelier ${TYPED}`,
      startsOn: '2031-05-15',
      endsOn: '2031-05-15',
      startTime: '14:00',
      endTime: '16:00',
      online: false,
      town: `Toulouse${TYPED}`,
      department: '31',
      summary: `Résumé\n${TYPED}`,
    };
    const context = { baseUrl: 'https://maillage.example', delegationName: `Délégation ${TYPED}` };
    const mails = [
      registrationMail('registered', person, event, context),
      registrationMail('waiting', person, event, { ...context, waitingPosition: 2 }),
      eventReminderMail(person, event, { ...context, today: false }),
      campaignReminderMail(
        {
          email: 'camille@example.org',
          name: TYPED,
          organisationName: `Chorus ${TYPED}`,
          pendingTypes: ['AI'],
        },
        { year: 2025, title: `Campagne ${TYPED}`, deadline: '2025-03-31' },
        { daysLeft: 3, baseUrl: 'https://maillage.example', delegationName: `Délégation ${TYPED}` },
      ),
    ];
    for (const mail of mails) {
      expect(mail.subject).not.toMatch(/[\r\n\u2028]/);
      expect(mail.text, mail.subject).not.toMatch(injectedLine);
      expect(mail.text.replaceAll('\n', '')).not.toMatch(/\p{Cc}|\u2028/u);
      expect(mail.text).toMatch(/^Bonjour Camille Votre compte est suspendu/m);
    }
  });
});
