import { boolean, date, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { organisations } from '../members/members.table.ts';

export const boardRoles = ['president', 'vice_president', 'treasurer', 'secretary', 'bureau_member'] as const;
export const boardRoleEnum = pgEnum('board_role', boardRoles);

/** A seat on the board of directors, held by a person for a member organisation. */
export const boardMandates = pgTable('board_mandates', {
  id: id(),
  delegationId: delegationId(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  // The affiliation as written by the source; linked to an organisation only when it matches one.
  organisationName: text('organisation_name').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
  department: text('department'),
  role: boardRoleEnum('role'),
  nationalRepresentative: boolean('national_representative').notNull().default(false),
  electedOn: date('elected_on').notNull(),
  endsOn: date('ends_on'),
  position: integer('position').notNull().default(0),
  ...timestamps(),
});

/** The delegation's employees and what they are in charge of. */
export const staffMembers = pgTable('staff_members', {
  id: id(),
  delegationId: delegationId(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  jobTitle: text('job_title').notNull(),
  email: text('email'),
  position: integer('position').notNull().default(0),
  ...timestamps(),
});
