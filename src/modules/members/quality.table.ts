import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { delegationId, id } from '../../db/columns.ts';

/**
 * A data-quality problem that staff looked at and accepted as it is (e.g. two ACI sharing
 * the e-mail of their structure porteuse), with the reason. `problemKey` identifies the
 * problem (check code + records involved), so the acceptance lapses if the data changes
 * into a different problem.
 */
export const qualityAcceptances = pgTable(
  'quality_acceptances',
  {
    id: id(),
    delegationId: delegationId(),
    problemKey: text('problem_key').notNull(),
    reason: text('reason').notNull(),
    acceptedBy: text('accepted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quality_acceptances_key_uq').on(t.delegationId, t.problemKey),
    index('quality_acceptances_delegation_idx').on(t.delegationId),
  ],
);
