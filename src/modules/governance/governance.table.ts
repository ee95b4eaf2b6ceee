import { boolean, date, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { users } from '../accounts/accounts.table.ts';
import { organisations } from '../members/members.table.ts';

/** A general assembly of the delegation: when, where, who hosted, what it decided and elected. */
export const generalAssemblies = pgTable('general_assemblies', {
  id: id(),
  delegationId: delegationId(),
  heldOn: date('held_on').notNull(),
  kind: text('kind').$type<'ordinary' | 'extraordinary'>().notNull().default('ordinary'),
  place: text('place'),
  hosts: text('hosts'),
  decisions: text('decisions'),
  elections: text('elections'),
  source: text('source'),
  ...timestamps(),
});

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
  generalAssemblyId: uuid('general_assembly_id').references(() => generalAssemblies.id, {
    onDelete: 'set null',
  }),
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
  /** What the person does for the delegation, as the report words it. */
  missions: text('missions'),
  email: text('email'),
  position: integer('position').notNull().default(0),
  /** The last day in the team: an ended staff member stays in the history, off the public pages. */
  endedOn: date('ended_on'),
  /** The person's account, when they have one in the delegation. */
  userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps(),
});

/**
 * Organisations that act together: a structure porteuse running several ACI, or a GES
 * (groupe économique solidaire) grouping several structures. The member count does not
 * depend on groups (see docs/decisions/007-member-counting-rule.md): a GES counts once
 * through its GES convention.
 */
export const memberGroups = pgTable('member_groups', {
  id: id(),
  delegationId: delegationId(),
  name: text('name').notNull(),
  kind: text('kind').$type<'structure_porteuse' | 'ges'>().notNull(),
  note: text('note'),
  ...timestamps(),
});

export const memberGroupMembers = pgTable(
  'member_group_members',
  {
    id: id(),
    delegationId: delegationId(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => memberGroups.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('member_group_members_uq').on(t.groupId, t.organisationId)],
);
