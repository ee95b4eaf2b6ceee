import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { verifyPassword } from 'better-auth/crypto';
import type { PasswordHash } from '../modules/accounts/auth.ts';

const PREFIX = 'test-sha256$';

/**
 * A cheap password hash for the test harness only: scrypt costs ~0.3 s per sign-in on this
 * machine and the suites sign in hundreds of times. Refuses to run outside Vitest
 * (NODE_ENV=test), so that it cannot end up hashing real passwords; a hash made by scrypt
 * (an account created by a real server) is still checked by scrypt.
 * src/modules/accounts/password-hash.test.ts proves that a production start uses scrypt.
 */
export const testPasswordHash: PasswordHash = {
  async hash(password) {
    refuseOutsideTests();
    const salt = randomBytes(8).toString('hex');
    return `${PREFIX}${salt}$${digest(salt, password)}`;
  },
  async verify({ hash, password }) {
    refuseOutsideTests();
    if (!hash.startsWith(PREFIX)) return verifyPassword({ hash, password });
    const [salt = '', expected = ''] = hash.slice(PREFIX.length).split('$');
    const actual = digest(salt, password);
    return actual.length === expected.length && timingSafeEqual(Buffer.from(actual), Buffer.from(expected));
  },
};

function digest(salt: string, password: string): string {
  return createHash('sha256').update(`${salt}:${password}`).digest('hex');
}

function refuseOutsideTests() {
  if (process.env.NODE_ENV !== 'test')
    throw new Error('testPasswordHash outside the tests (NODE_ENV is not test)');
}
