import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.ts';

/**
 * The national team: accounts that act for the federation, across delegations. Not a
 * tenant table (no delegation_id): a federation member holds no role in any delegation's
 * records, and reads them only through the `federation_read` policies (decision 020).
 */
export const federationMembers = pgTable('federation_members', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
