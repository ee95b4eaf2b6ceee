import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';
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
