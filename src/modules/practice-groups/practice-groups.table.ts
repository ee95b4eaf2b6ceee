import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { organisations } from '../members/members.table.ts';

/**
 * A practice-exchange group (GEP): professionals of member organisations who meet to
 * share methods (economic development for ACI/EI/EBE, job coaches "CIP", accountants
 * and payroll of AI…). Its meetings are actions with `practice_group_id` set.
 */
export const practiceGroups = pgTable('practice_groups', {
  id: id(),
  delegationId: delegationId(),
  name: text('name').notNull(),
  audience: text('audience'),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  ...timestamps(),
});

/** A person of a member organisation who belongs to a group. */
export const practiceGroupPeople = pgTable(
  'practice_group_people',
  {
    id: id(),
    delegationId: delegationId(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => practiceGroups.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    jobTitle: text('job_title'),
    ...timestamps(),
  },
  (t) => [index('practice_group_people_group_idx').on(t.groupId)],
);
