import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { loadConfig } from '../../server/config.ts';
import { openRuntime, type Runtime } from '../../server/runtime.ts';
import { testPasswordHash } from '../../test/password-hash.ts';
import { createUserWithPassword } from './accounts.service.ts';
import { authAccounts } from './accounts.table.ts';

// The tests hash passwords cheaply (src/test/password-hash.ts); a real start must not.
// (`.unit`: it opens its own embedded database whatever the tier, no need to run it twice.)
describe('password hashing', () => {
  let dataDir: string;
  let runtime: Runtime;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'maillage-hash-'));
    // Start from the migrated template rather than migrating (the start then has nothing to do).
    const template = new Blob([await readFile(inject('pgliteTemplate'))]);
    await (await openDatabase({ dataDir: join(dataDir, 'pglite'), loadDataDir: template })).close();
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_SECRET: 'a'.repeat(40),
      DATA_DIR: dataDir,
      BASE_URL: 'https://maillage.example.org',
      LOG_LEVEL: 'silent',
    });
    runtime = await openRuntime(config, { jobs: false });
  });
  afterAll(async () => {
    await runtime?.database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a production start stores scrypt hashes', async () => {
    const password = 'un-mot-de-passe-solide';
    const userId = await createUserWithPassword(runtime.auth, {
      email: 'scrypt@example.org',
      name: 'Scrypt',
      password,
    });
    const [account] = await runtime.database.db
      .select({ password: authAccounts.password })
      .from(authAccounts)
      .where(eq(authAccounts.userId, userId));
    const hash = account?.password ?? '';
    // Better Auth's scrypt: 16 bytes of salt and a 64-byte key, in hex.
    expect(hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await verifyPassword({ hash, password })).toBe(true);
    expect(await verifyPassword({ hash, password: 'un autre mot de passe' })).toBe(false);
  });

  it('the test hash refuses to work outside the tests', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await expect(testPasswordHash.hash('un-mot-de-passe-solide')).rejects.toThrow(/outside the tests/);
      await expect(testPasswordHash.verify({ hash: 'x', password: 'y' })).rejects.toThrow(
        /outside the tests/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('the test hash checks passwords, and scrypt hashes too', async () => {
    const hash = await testPasswordHash.hash('un-mot-de-passe-solide');
    expect(await testPasswordHash.verify({ hash, password: 'un-mot-de-passe-solide' })).toBe(true);
    expect(await testPasswordHash.verify({ hash, password: 'un-mot-de-passe-faux' })).toBe(false);
    const scrypt = await hashPassword('un-mot-de-passe-solide');
    expect(await testPasswordHash.verify({ hash: scrypt, password: 'un-mot-de-passe-solide' })).toBe(true);
    expect(await testPasswordHash.verify({ hash: scrypt, password: 'un-mot-de-passe-faux' })).toBe(false);
  });
});
