import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import { supportFiles } from '../support/support.table.ts';

export type ProjectKind = 'ptce' | 'tzcld' | 'zest';

/**
 * A territorial project the delegation follows: a PTCE (pôle territorial de coopération
 * économique, phase 1 or 2 of the State call), a TZCLD territory (authorised by decree,
 * with its local employment committee and EBE), or a ZEST' programme (a sector in
 * tension on a territory, with training sessions).
 */
export const territorialProjects = pgTable(
  'territorial_projects',
  {
    id: id(),
    delegationId: delegationId(),
    kind: text('kind').$type<ProjectKind>().notNull(),
    name: text('name').notNull(),
    territory: text('territory'),
    departments: text('departments').array().notNull().default([]),
    // PTCE: phase 1 or 2 of the State call.
    phase: integer('phase'),
    status: text('status')
      .$type<'emerging' | 'active' | 'authorised' | 'ended'>()
      .notNull()
      .default('active'),
    // TZCLD: date of authorisation, local employment committee, EBE.
    authorisedOn: date('authorised_on'),
    localCommittee: text('local_committee'),
    ebeName: text('ebe_name'),
    ebeOrganisationId: uuid('ebe_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    // ZEST': the sector in tension.
    sector: text('sector'),
    description: text('description'),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('territorial_projects_kind_idx').on(t.delegationId, t.kind)],
);

export const projectMembers = pgTable(
  'project_members',
  {
    id: id(),
    delegationId: delegationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => territorialProjects.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('project_members_uq').on(t.projectId, t.organisationId)],
);

/** Links from a project to actions of the chronicle and to support files. */
export const projectLinks = pgTable(
  'project_links',
  {
    id: id(),
    delegationId: delegationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => territorialProjects.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id').references(() => actions.id, { onDelete: 'cascade' }),
    supportFileId: uuid('support_file_id').references(() => supportFiles.id, { onDelete: 'cascade' }),
    ...timestamps(),
  },
  (t) => [index('project_links_project_idx').on(t.projectId)],
);

/** A training session of a ZEST' programme: trainees in pathways and employers involved. */
export const projectSessions = pgTable(
  'project_sessions',
  {
    id: id(),
    delegationId: delegationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => territorialProjects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    traineesCount: integer('trainees_count'),
    employersCount: integer('employers_count'),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [index('project_sessions_project_idx').on(t.projectId)],
);
