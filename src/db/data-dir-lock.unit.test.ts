import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusy, lockDataDir } from './data-dir-lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maillage-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('embedded database lock', () => {
  it('refuses a second process while the first one lives, in French', async () => {
    await writeFile(join(dir, 'maillage.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirBusy);
    expect(() => lockDataDir(dir)).toThrow(/déjà ouverte par le processus/);
  });

  it('takes over the lock of a process that died, and releases it', async () => {
    await writeFile(join(dir, 'maillage.lock'), '2147483646');
    const release = lockDataDir(dir);
    expect(await readFile(join(dir, 'maillage.lock'), 'utf8')).toBe(String(process.pid));
    release();
    await expect(readFile(join(dir, 'maillage.lock'), 'utf8')).rejects.toThrow();
  });
});
