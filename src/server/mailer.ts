import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { createPrivateFile, ensurePrivateDir } from './private-files.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
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
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
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
