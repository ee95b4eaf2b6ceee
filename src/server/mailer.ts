import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { createPrivateFile, ensurePrivateDir } from './private-files.ts';

declare const composed: unique symbol;

/**
 * A message as `composeMail` built it: the only way to make one, so that no value typed
 * by a user (a name, a title) reaches a mail with a line break or another control
 * character in it. Maillage sends plain text only: there is no HTML body to escape.
 */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly [composed]: true;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

// C0 controls (CR, LF, TAB, NUL, ESC…), DEL, C1 controls (NEL…), and the Unicode line
// and paragraph separators, which some mail clients also break lines on.
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** One line of a mail: every run of control characters becomes one space. */
export function mailLine(value: string): string {
  return value.replace(CONTROL, ' ');
}

/**
 * The one place where a mail is made. The recipient, the subject and each body line are
 * cleaned with `mailLine`, so a member named "Camille\nVotre compte est suspendu…" can
 * neither add a line of its own to a message nor a header; lines are then joined by \n.
 */
export function composeMail(input: { to: string; subject: string; lines: readonly string[] }): Mail {
  return {
    to: mailLine(input.to).trim(),
    subject: mailLine(input.subject).trim(),
    text: input.lines.map(mailLine).join('\n'),
  } as Mail;
}

/**
 * With SMTP_URL, mail goes through that server. Without it (development, demo), each
 * message is written as an .eml file in DATA_DIR/outbox, which any mail client opens.
 * The outbox holds live invitation links: files 0600 in a folder kept at 0700.
 */
export function createMailer(options: {
  smtpUrl?: string | undefined;
  from: string;
  outboxDir: string;
}): Mailer {
  // Cleaned again here (a cast can forge a Mail); nodemailer may also read attachments
  // from files and URLs, which a mail of ours never asks it to.
  const message = (mail: Mail) => ({
    from: mailLine(options.from),
    to: mailLine(mail.to),
    subject: mailLine(mail.subject),
    text: mail.text.split('\n').map(mailLine).join('\n'),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail(message(mail));
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(mail));
      ensurePrivateDir(options.outboxDir);
      const name = `${new Date().toISOString().replaceAll(':', '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`;
      const file = await createPrivateFile(join(options.outboxDir, name));
      try {
        await file.writeFile(info.message as Buffer);
      } finally {
        await file.close();
      }
    },
  };
}
