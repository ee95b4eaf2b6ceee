import { createHash } from 'node:crypto';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';

/**
 * Per-account limit on failed sign-ins (docs/decisions/013-*.md, docs/security.md).
 *
 * The per-address limit (Better Auth, 20 a minute) stops one machine; this one stops many
 * machines guessing one account's password. It slows guessing rather than locking the
 * account: the first `freeFailures` failures cost nothing, then each attempt is followed by
 * a wait that doubles up to `maxLockSeconds`, and attempts refused during a wait neither
 * check the password nor count, so that an attacker can never keep a user out for longer
 * than one wait after its last try. A success, or `forgetAfterSeconds` without a failure,
 * starts the count again.
 */
export const SIGN_IN_LIMITS = {
  freeFailures: 10,
  firstLockSeconds: 60,
  maxLockSeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
} as const;

/** How long the account waits after its `failures`-th attempt in a row (0: not at all). */
export function lockSeconds(failures: number, limits = SIGN_IN_LIMITS): number {
  if (failures < limits.freeFailures) return 0;
  const doublings = Math.min(failures - limits.freeFailures, 20);
  return Math.min(limits.maxLockSeconds, limits.firstLockSeconds * 2 ** doublings);
}

/** The e-mail as Better Auth matches it, hashed: unknown addresses count like real ones. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts an attempt before the password is checked (so that attempts sent in parallel are
 * counted too) and sets the wait that follows it; `signInSucceeded` clears the count.
 * One statement: the row lock orders concurrent attempts from every app server.
 */
export async function claimSignInAttempt(db: Db, email: string): Promise<SignInVerdict> {
  const key = accountKey(email);
  // Constants of this file, written into the statement (no parameter types to infer).
  const [freeFailures, firstLockSeconds, maxLockSeconds, forgetAfterSeconds] = [
    SIGN_IN_LIMITS.freeFailures,
    SIGN_IN_LIMITS.firstLockSeconds,
    SIGN_IN_LIMITS.maxLockSeconds,
    SIGN_IN_LIMITS.forgetAfterSeconds,
  ].map((n) => sql.raw(String(n)));
  const next = sql`(case when f.last_failure_at < now() - make_interval(secs => ${forgetAfterSeconds})
    then 1 else f.failures + 1 end)`;
  const lock = (count: SQL) => sql`case when ${count} >= ${freeFailures}
    then now() + make_interval(secs => least(${maxLockSeconds}, ${firstLockSeconds} * power(2, least(${count} - ${freeFailures}, 20))))
    end`;
  const claimed = await queryRows<{ failures: number }>(
    db,
    sql`insert into sign_in_failures as f (account_key, failures, last_failure_at, locked_until)
      values (${key}, 1, now(), ${lock(sql`1`)})
      on conflict (account_key) do update
        set failures = ${next}, last_failure_at = now(), locked_until = ${lock(next)}
        where f.locked_until is null or f.locked_until <= now()
      returning failures`,
  );
  if (claimed.length > 0) return { allowed: true };
  const [row] = await queryRows<{ seconds: number }>(
    db,
    sql`select ceil(extract(epoch from locked_until - now()))::int as seconds
      from sign_in_failures where account_key = ${key}`,
  );
  return { allowed: false, retryAfterSeconds: Math.max(1, row?.seconds ?? 1) };
}

export async function signInSucceeded(db: Db, email: string): Promise<void> {
  await db.execute(sql`delete from sign_in_failures where account_key = ${accountKey(email)}`);
}

type SQL = ReturnType<typeof sql>;

/** Better Auth hooks around `/sign-in/email`: the path as its own router matched it. */
export function signInThrottleHooks(db: Db) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== '/sign-in/email') return;
      const email = (ctx.body as { email?: unknown } | undefined)?.email;
      if (typeof email !== 'string') return; // the endpoint refuses it
      const verdict = await claimSignInAttempt(db, email);
      if (verdict.allowed) return;
      throw new APIError(
        'TOO_MANY_REQUESTS',
        { code: 'ACCOUNT_THROTTLED', message: 'Too many failed sign-ins for this account' },
        { 'retry-after': String(verdict.retryAfterSeconds) },
      );
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== '/sign-in/email' || !ctx.context.newSession) return;
      await signInSucceeded(db, ctx.context.newSession.user.email);
    }),
  };
}
