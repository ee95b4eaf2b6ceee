import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailer } from './mailer.ts';

describe('development outbox', () => {
  it('writes each message as an .eml file a mail client can open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maillage-outbox-'));
    try {
      const mailer = createMailer({
        from: 'Maillage <no-reply@example.org>',
        outboxDir: join(dir, 'outbox'),
      });
      await mailer.send({
        to: 'camille@example.org',
        subject: 'Invitation à rejoindre Maillage',
        text: 'Bonjour,\nlien',
      });
      const files = await readdir(join(dir, 'outbox'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = await readFile(join(dir, 'outbox', files[0] ?? ''), 'utf8');
      expect(eml).toMatch(/^To: camille@example\.org$/m);
      expect(eml).toMatch(/^Subject: /m);
      expect(eml).toMatch(/^From: Maillage <no-reply@example\.org>$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
