import { sql } from 'drizzle-orm';
import { customType, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// As in db/columns.ts, which imports this file (and so cannot be imported from here).
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

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
  /** The line under the title on the activity report's cover. */
  reportTagline: text('report_tagline'),
  /** PNG or SVG, checked by content (delegation.settings.ts); shown on public pages and the report. */
  logo: bytea('logo'),
  logoType: text('logo_type'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
