import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { openRuntime } from './runtime.ts';

const root = mkdtempSync(join(tmpdir(), 'maillage-runtime-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const modeOf = (path: string) => statSync(path).mode & 0o7777;

// One start of the embedded database (~15 s): a fresh folder's modes are checked in private-files.unit.test.ts.
it('keeps DATA_DIR, the embedded database and the generated session secret to their owner (umask 022)', async () => {
  const previous = process.umask(0o022);
  const dataDir = join(root, 'data');
  // As a copy with `cp -r` or an older version would leave them: readable by everyone.
  mkdirSync(join(dataDir, 'pglite'), { recursive: true, mode: 0o755 });
  writeFileSync(join(dataDir, 'auth-secret'), 'a'.repeat(64), { mode: 0o644 });
  const stderr = process.stderr.write;
  const notices: string[] = [];
  process.stderr.write = (text: string | Uint8Array) => notices.push(String(text)) > 0;
  try {
    const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir }), { jobs: false });
    await runtime.database.close();
  } finally {
    process.stderr.write = stderr;
    process.umask(previous);
  }
  expect(modeOf(dataDir)).toBe(0o700);
  expect(modeOf(join(dataDir, 'pglite'))).toBe(0o700);
  expect(modeOf(join(dataDir, 'auth-secret'))).toBe(0o600);
  expect(notices.join('')).toContain('droits ramenés à 0700');
}, 120_000);
