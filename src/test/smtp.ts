import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { createMailer, type Mailer } from '../server/mailer.ts';

export interface SmtpCatcher {
  /** The messages the server accepted, in order: recipients (comma-separated) and raw data. */
  received: { to: string; data: string }[];
  /** While true, the server refuses every recipient, as a full mailbox does. */
  refuse: boolean;
  /** The app's own mailer, sending to this server (once the file's hooks run). */
  mailer(): Mailer;
}

/**
 * A real SMTP exchange for a file: an in-process SMTP server, started by a `beforeAll` that
 * runs before the file's own (hooks run in the order they are declared) and closed after
 * the file's `afterAll`s. Call it at the top of the file.
 */
export function smtpCatcher(): SmtpCatcher {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (catcher.refuse) return callback(new Error('boîte pleine'));
      callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
      });
      stream.on('end', () => {
        catcher.received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        callback();
      });
    },
  });
  const catcher: SmtpCatcher = {
    received: [],
    refuse: false,
    mailer: () =>
      createMailer({
        smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
        from: 'Maillage <no-reply@example.org>',
        outboxDir: '/nonexistent',
      }),
  };
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return catcher;
}
