import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins per account, in the database so that every app server counts the same
 * ones (src/modules/accounts/sign-in-throttle.service.ts). Keyed by a hash of the e-mail as
 * typed: unknown addresses are counted like real ones, and no typed address is kept.
 */
export const signInFailures = pgTable('sign_in_failures', {
  accountKey: text('account_key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
