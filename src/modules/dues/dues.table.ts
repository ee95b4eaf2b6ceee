import { date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { type ConventionType, organisations } from '../members/members.table.ts';

/** What a dues amount depends on besides the convention type. */
export const duesBases = ['flat', 'etp', 'revenue'] as const;
export type DuesBasis = (typeof duesBases)[number];

export interface DuesRule {
  /** A convention type (AI, ACI…) or null for any type. */
  conventionType: ConventionType | null;
  /** Lower bound of the basis value, inclusive; null = no lower bound. */
  from: number | null;
  /** Upper bound, exclusive; null = no upper bound. */
  to: number | null;
  /** Yearly amount in euros. */
  amount: number;
}

/** The dues grid of a year: rules are data, decided by the general assembly. */
export const duesGrids = pgTable(
  'dues_grids',
  {
    id: id(),
    delegationId: delegationId(),
    year: integer('year').notNull(),
    basis: text('basis').$type<DuesBasis>().notNull(),
    rules: jsonb('rules').$type<DuesRule[]>().notNull(),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('dues_grids_year_uq').on(t.delegationId, t.year)],
);

/** The dues called from one member for one year, and what it paid. */
export const duesCalls = pgTable(
  'dues_calls',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    basisValue: numeric('basis_value', { precision: 14, scale: 2, mode: 'number' }),
    amountCalled: numeric('amount_called', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    calledOn: date('called_on').notNull(),
    amountPaid: numeric('amount_paid', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    paidOn: date('paid_on'),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('dues_calls_organisation_year_uq').on(t.delegationId, t.organisationId, t.year),
    index('dues_calls_year_idx').on(t.delegationId, t.year),
  ],
);
