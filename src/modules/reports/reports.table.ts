import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import type { AnnualReport } from './report.types.ts';

/**
 * A delegation's yearly activity report: the texts staff write (opinions: the
 * president's word, the priorities for next year) and, once frozen, the whole
 * assembled report, so that it renders identically later whatever the data became.
 * The snapshot column is named `content` so that audit lines leave it out (it is
 * derived from audited records; see migrations/0011).
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: id(),
    delegationId: delegationId(),
    year: integer('year').notNull(),
    // Texts in the small markup of report.markup.ts (paragraphs, "- " lists, **bold**, *italic*).
    presidentWord: text('president_word').notNull().default(''),
    presidentSignature: text('president_signature').notNull().default(''),
    priorities: text('priorities').notNull().default(''),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenBy: text('frozen_by'),
    content: jsonb('content').$type<AnnualReport>(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('annual_reports_year_uq').on(t.delegationId, t.year)],
);
