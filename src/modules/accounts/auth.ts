// The minimal entry leaves out the built-in Kysely adapters we do not use (≈0.4 s less at start-up).

import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { betterAuth } from 'better-auth/minimal';
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authAccounts, rateLimits, sessions, users, verifications } from './accounts.table.ts';
import { signInThrottleHooks } from './sign-in-throttle.service.ts';

export const MIN_PASSWORD_LENGTH = 10;
/** A password-reset link works once, for this long. */
export const RESET_TOKEN_SECONDS = 3600;
/** The header through which the server hands Better Auth the client IP it trusts (see app.ts). */
export const CLIENT_IP_HEADER = 'x-maillage-client-ip';

/**
 * Sign-ins per client address and minute, successful ones included (Better Auth counts
 * requests). 20, not 5: a team on one office connection signs in one after another on its
 * first day; guessing one account's password is held by the per-account limit
 * (sign-in-throttle.service.ts), and 20 a minute still slows spraying across accounts.
 */
export const SIGN_IN_PER_ADDRESS_PER_MINUTE = 20;

export interface AuthOptions {
  db: Db;
  baseUrl: string;
  trustedOrigins?: string[];
  secret: string;
  sessionMaxAgeHours: number;
  /** Sign-in attempts per minute and per client IP. */
  signInAttemptsPerMinute?: number;
  /**
   * Sends a password-reset link (account.service.ts: passwordResetSender). Without it,
   * "mot de passe oublié" is refused: tools and benchmarks that build an auth send no mail.
   */
  sendResetPassword?: (input: {
    user: { id: string; email: string; name: string };
    token: string;
  }) => Promise<void>;
  /**
   * How passwords are hashed; Better Auth's scrypt when absent (every server start). Only the
   * test harness passes one (src/test/password-hash.ts): scrypt costs ~0.3 s per sign-in there.
   */
  passwordHash?: PasswordHash;
}

export interface PasswordHash {
  hash(password: string): Promise<string>;
  verify(data: { hash: string; password: string }): Promise<boolean>;
}

/**
 * Better Auth does passwords (scrypt), sessions (in our database, so any app server
 * can read them) and sign-in throttling per address (stored in the database too; the
 * per-account limit is ours, sign-in-throttle.service.ts). Sign-up is
 * closed: accounts are created from invitations only.
 */
export function createAuth(options: AuthOptions) {
  const secure = options.baseUrl.startsWith('https://');
  const sendResetPassword = options.sendResetPassword;
  return betterAuth({
    appName: 'Maillage',
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: authAccounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      // A reset ends every session of the account: whoever held one with the old password is out.
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
      // The other links of the same account die with the one used: each link works once, and
      // a new password makes the older requests moot.
      onPasswordReset: async ({ user }) => {
        await options.db
          .delete(verifications)
          .where(and(eq(verifications.value, user.id), like(verifications.identifier, 'reset-password:%')));
      },
      ...(sendResetPassword
        ? { sendResetPassword: ({ user, token }) => sendResetPassword({ user, token }) }
        : {}),
      ...(options.passwordHash ? { password: options.passwordHash } : {}),
    },
    session: { expiresIn: options.sessionMaxAgeHours * 3600, updateAge: 3600 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': {
          window: 60,
          max: options.signInAttemptsPerMinute ?? SIGN_IN_PER_ADDRESS_PER_MINUTE,
        },
        // Per client IP; the per-address limit on reset mails is in account.service.ts.
        '/request-password-reset': { window: 60, max: 3 },
        '/reset-password': { window: 60, max: 10 },
        // A stolen session must not become a way to guess the current password quickly.
        '/change-password': { window: 60, max: 5 },
      },
    },
    // Per account, on top of the per-address limit above: several addresses guessing one password.
    hooks: signInThrottleHooks(options.db),
    trustedOrigins: options.trustedOrigins ?? [new URL(options.baseUrl).origin],
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: 'maillage',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
