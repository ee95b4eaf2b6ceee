import { sql } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { delegations } from '../modules/delegations/delegations.table.ts';

// Columns shared by every tenant table. A table with `delegation_id` must also be
// secured in SQL (see migrations/*_tenancy.sql): the tenancy test enforces it.
export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
export const delegationId = () =>
  uuid('delegation_id')
    .notNull()
    .default(sql`app_delegation_id()`)
    .references(() => delegations.id);
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Bytes kept in the database (documents). A column holding them is named `content`:
 * the audit trigger leaves that key out of its lines (migrations/0011_…sql).
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
