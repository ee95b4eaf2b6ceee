import { date, index, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';

/**
 * The funders guide: foundations and other funders, with what they fund, where, for whom,
 * how much and when. `territories` holds department codes, 'region' or 'national'.
 */
export const funders = pgTable(
  'funders',
  {
    id: id(),
    delegationId: delegationId(),
    name: text('name').notNull(),
    kind: text('kind').$type<'foundation' | 'endowment' | 'public' | 'company' | 'other'>().notNull(),
    themes: text('themes').array().notNull().default([]),
    territories: text('territories').array().notNull().default([]),
    beneficiaryTypes: text('beneficiary_types').array().notNull().default([]),
    amountMin: numeric('amount_min', { precision: 12, scale: 2, mode: 'number' }),
    amountMax: numeric('amount_max', { precision: 12, scale: 2, mode: 'number' }),
    deadlines: text('deadlines'),
    website: text('website'),
    lastCheckedOn: date('last_checked_on'),
    note: text('note'),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('funders_delegation_idx').on(t.delegationId)],
);
