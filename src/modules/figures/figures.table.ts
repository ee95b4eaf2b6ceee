import { integer, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';

/**
 * A figure a source states only as a total (the report's "10 practice-exchange
 * meetings", "101 trainees and 1,761 hours"…). Kept apart from the detailed records
 * with its source, so that a total is never passed off as computed.
 */
export const declaredFigures = pgTable(
  'declared_figures',
  {
    id: id(),
    delegationId: delegationId(),
    year: integer('year').notNull(),
    // A stable English id naming the subject: gepMeetings, trainees, trainingHours…
    key: text('key').notNull(),
    value: numeric('value', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    unit: text('unit').$type<'count' | 'hours' | 'euros' | 'percent'>().notNull(),
    label: text('label').notNull(),
    source: text('source').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('declared_figures_key_uq').on(t.delegationId, t.year, t.key)],
);
