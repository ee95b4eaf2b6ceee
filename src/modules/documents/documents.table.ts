import { integer, text } from 'drizzle-orm/pg-core';
import { bytea, timestamps } from '../../db/columns.ts';
import { users } from '../accounts/accounts.table.ts';

/**
 * The columns of a stored document, after those naming what it is attached to. Each
 * module keeps its own table (own tenant policies, own audit trail, own parent key);
 * they share this shape so that documents.store.ts can read and write any of them.
 */
export const documentColumns = () => ({
  filename: text('filename').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps(),
});
