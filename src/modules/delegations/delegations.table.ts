import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A delegation is a tenant: every tenant table points to one. */
export const delegations = pgTable('delegations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  network: text('network'),
  region: text('region'),
  departmentsCovered: text('departments_covered').array().notNull().default(sql`'{}'::text[]`),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  addresses: jsonb('addresses')
    .$type<{ line: string; postcode: string; city: string }[]>()
    .notNull()
    .default([]),
  missions: jsonb('missions').$type<{ code: string; label: string }[]>().notNull().default([]),
  objectives: jsonb('objectives')
    .$type<{ number: number | null; axis: string; text: string }[]>()
    .notNull()
    .default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
