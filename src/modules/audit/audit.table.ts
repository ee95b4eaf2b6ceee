import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { delegationId } from '../../db/columns.ts';

/**
 * Written only by the `app_audit()` trigger, in the transaction of the change itself,
 * so no code path can change a tenant row without leaving a trace. The app role may
 * read and insert, never update or delete.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    delegationId: delegationId(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id'),
    // Who acted as they were then: a user may rename itself later, and roles change.
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    tableName: text('table_name').notNull(),
    recordId: uuid('record_id').notNull(),
    organisationId: uuid('organisation_id'),
    action: text('action').$type<'insert' | 'update' | 'delete'>().notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_record_idx').on(t.delegationId, t.recordId),
    index('audit_log_organisation_idx').on(t.delegationId, t.organisationId),
  ],
);
