import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeMail, createMailer } from './mailer.ts';
import { createPrivateFile, ensurePrivateDir } from './private-files.ts';

const root = mkdtempSync(join(tmpdir(), 'maillage-private-'));
const modeOf = (path: string) => statSync(path).mode & 0o7777;
let previousUmask: number;
let warnings: string[];
const warn = (text: string) => void warnings.push(text);

// The usual umask of a server account: without explicit modes, files come out 0644 and folders 0755.
beforeEach(() => {
  previousUmask = process.umask(0o022);
  warnings = [];
});
afterEach(() => void process.umask(previousUmask));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('private folders and files (umask 022)', () => {
  it('creates missing folders 0700, parents included', () => {
    const dir = join(root, 'new', 'nested');
    expect(ensurePrivateDir(dir, { fix: true, warn })).toBeNull();
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(root, 'new'))).toBe(0o700);
    expect(warnings).toEqual([]);
  });

  it("closes a folder of Maillage's own found open to others, and says so", () => {
    const dir = join(root, 'loose-own');
    mkdirSync(dir, { mode: 0o755 });
    expect(modeOf(dir)).toBe(0o755);
    ensurePrivateDir(dir, { fix: true, warn });
    expect(modeOf(dir)).toBe(0o700);
    expect(warnings).toEqual([expect.stringContaining('droits ramenés à 0700')]);
  });

  it("leaves the operator's folder as it is and warns in French", () => {
    const dir = join(root, 'loose-operator');
    mkdirSync(dir, { mode: 0o755 });
    ensurePrivateDir(dir, { fix: false, warn });
    expect(modeOf(dir)).toBe(0o755);
    expect(warnings).toEqual([expect.stringContaining("est ouvert à d'autres utilisateurs")]);
  });

  it('never closes a shared sticky folder such as /tmp', () => {
    const dir = join(root, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o1777);
    ensurePrivateDir(dir, { fix: true, warn });
    expect(modeOf(dir)).toBe(0o1777);
    expect(warnings).toHaveLength(1);
  });

  it('creates files 0600, replacing a leftover with looser modes', async () => {
    const path = join(root, 'secret.partiel');
    writeFileSync(path, 'ancien', { mode: 0o644 });
    expect(modeOf(path)).toBe(0o644);
    const file = await createPrivateFile(path);
    await file.writeFile('nouveau');
    await file.close();
    expect(modeOf(path)).toBe(0o600);
  });
});

describe('development outbox (umask 022)', () => {
  it('writes each message 0600 in a folder kept at 0700, even one created open before', async () => {
    const outbox = join(root, 'data', 'outbox');
    mkdirSync(outbox, { recursive: true, mode: 0o755 });
    const mailer = createMailer({ from: 'Maillage <no-reply@example.org>', outboxDir: outbox });
    const stderr = process.stderr.write;
    process.stderr.write = () => true; // the notice about the folder being closed
    try {
      await mailer.send(
        composeMail({ to: 'camille@example.org', subject: 'Invitation', lines: ['Lien : https://x/t'] }),
      );
    } finally {
      process.stderr.write = stderr;
    }
    expect(modeOf(outbox)).toBe(0o700);
    const [name] = readdirSync(outbox);
    expect(modeOf(join(outbox, name ?? ''))).toBe(0o600);
  });
});
