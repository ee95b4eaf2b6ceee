import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { delegationId, id } from '../../db/columns.ts';

/** A column mapping saved for reuse: which source header feeds which registry field. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: id(),
    delegationId: delegationId(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_name_uq').on(t.delegationId, t.name)],
);
