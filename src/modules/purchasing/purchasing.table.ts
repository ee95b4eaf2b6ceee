import { date, index, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { organisations } from '../members/members.table.ts';

/** A buyer, public or private. Contact data is staff-only. */
export const buyers = pgTable('buyers', {
  id: id(),
  delegationId: delegationId(),
  name: text('name').notNull(),
  sector: text('sector').$type<'public' | 'private'>().notNull(),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  note: text('note'),
  source: text('source'),
  ...timestamps(),
});

/** A need or opportunity of a buyer: social-clause tender, reserved contract, quote… */
export const opportunities = pgTable(
  'opportunities',
  {
    id: id(),
    delegationId: delegationId(),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => buyers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind').$type<'social_clause' | 'reserved_contract' | 'quote' | 'other'>().notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    town: text('town'),
    department: text('department'),
    deadline: date('deadline'),
    activities: text('activities').array().notNull().default([]),
    description: text('description'),
    status: text('status').$type<'open' | 'closed' | 'awarded' | 'cancelled'>().notNull().default('open'),
    ...timestamps(),
  },
  (t) => [index('opportunities_delegation_idx').on(t.delegationId, t.status)],
);

/**
 * A member put forward for an opportunity, why (the matching reasons), and what came of
 * it, with the insertion hours delivered when won.
 */
export const opportunityMatches = pgTable(
  'opportunity_matches',
  {
    id: id(),
    delegationId: delegationId(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status')
      .$type<'proposed' | 'sent' | 'interested' | 'quote_sent' | 'won' | 'lost'>()
      .notNull()
      .default('proposed'),
    reasons: text('reasons').array().notNull().default([]),
    insertionHours: numeric('insertion_hours', { precision: 12, scale: 2, mode: 'number' }),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('opportunity_matches_uq').on(t.opportunityId, t.organisationId)],
);
