// The minimal entry leaves out the built-in Kysely adapters we do not use (≈0.4 s less at start-up).

import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { betterAuth } from 'better-auth/minimal';
import type { Db } from '../../db/client.ts';
import { authAccounts, rateLimits, sessions, users, verifications } from './accounts.table.ts';
import { signInThrottleHooks } from './sign-in-throttle.service.ts';

export const MIN_PASSWORD_LENGTH = 10;
/** The header through which the server hands Better Auth the client IP it trusts (see app.ts). */
export const CLIENT_IP_HEADER = 'x-maillage-client-ip';

export interface AuthOptions {
  db: Db;
  baseUrl: string;
  trustedOrigins?: string[];
  secret: string;
  sessionMaxAgeHours: number;
  /** Sign-in attempts per minute and per client IP. */
  signInAttemptsPerMinute?: number;
}

/**
 * Better Auth does passwords (scrypt), sessions (in our database, so any app server
 * can read them) and sign-in throttling per address (stored in the database too; the
 * per-account limit is ours, sign-in-throttle.service.ts). Sign-up is
 * closed: accounts are created from invitations only.
 */
export function createAuth(options: AuthOptions) {
  const secure = options.baseUrl.startsWith('https://');
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
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    session: { expiresIn: options.sessionMaxAgeHours * 3600, updateAge: 3600 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: options.signInAttemptsPerMinute ?? 5 } },
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
