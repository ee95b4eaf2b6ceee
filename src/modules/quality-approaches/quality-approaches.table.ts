import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';

/**
 * A quality certification or label (CEDRE ISO 9001, Label RSE, CAP, CAP RSE… — the label
 * is data). `organisationId` null: the delegation's own certification.
 */
export const certifications = pgTable(
  'certifications',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    body: text('body'),
    status: text('status').$type<'in_progress' | 'certified' | 'expired' | 'withdrawn'>().notNull(),
    obtainedOn: date('obtained_on'),
    expiresOn: date('expires_on'),
    note: text('note'),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('certifications_expiry_idx').on(t.delegationId, t.expiresOn)],
);

/** An audit of a certification: initial, follow-up or renewal, and its result. */
export const certificationAudits = pgTable(
  'certification_audits',
  {
    id: id(),
    delegationId: delegationId(),
    certificationId: uuid('certification_id')
      .notNull()
      .references(() => certifications.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'initial' | 'follow_up' | 'renewal'>().notNull(),
    // Dated to the month when the source says only "en novembre 2023".
    heldOn: date('held_on').notNull(),
    datePrecision: text('date_precision').$type<'day' | 'month' | 'year'>().notNull().default('day'),
    result: text('result').$type<'pending' | 'passed' | 'passed_with_reservations' | 'failed'>().notNull(),
    note: text('note'),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('certification_audits_certification_idx').on(t.certificationId)],
);

export interface GridPillar {
  id: string;
  label: string;
  criteria: {
    id: string;
    label: string;
    guidance?: string;
    // Maturity levels, from 1 upwards.
    levels: { level: number; label: string; description?: string }[];
  }[];
}

/** A self-assessment grid: pillars, criteria, maturity levels and guidance — data, edited by staff. */
export const assessmentGrids = pgTable('assessment_grids', {
  id: id(),
  delegationId: delegationId(),
  name: text('name').notNull(),
  version: integer('version').notNull().default(1),
  pillars: jsonb('pillars').$type<GridPillar[]>().notNull(),
  active: text('active').$type<'active' | 'archived'>().notNull().default('active'),
  ...timestamps(),
});

/** A member's self-assessment against a grid: the level chosen per criterion and the scores. */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => assessmentGrids.id, { onDelete: 'restrict' }),
    assessedOn: date('assessed_on').notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull().default({}),
    // Score per pillar (0–100), computed when the assessment is completed.
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    status: text('status').$type<'draft' | 'done'>().notNull().default('draft'),
    ...timestamps(),
  },
  (t) => [index('assessments_organisation_idx').on(t.delegationId, t.organisationId)],
);

/** A step of a member's progress plan after an assessment. */
export const progressActions = pgTable(
  'progress_actions',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'set null' }),
    criterionId: text('criterion_id'),
    title: text('title').notNull(),
    owner: text('owner'),
    dueOn: date('due_on'),
    status: text('status')
      .$type<'planned' | 'in_progress' | 'done' | 'dropped'>()
      .notNull()
      .default('planned'),
    ...timestamps(),
  },
  (t) => [index('progress_actions_organisation_idx').on(t.delegationId, t.organisationId)],
);

/** A collective group of volunteers working towards a label (the seed's CAP RSE group). */
export const cohorts = pgTable('cohorts', {
  id: id(),
  delegationId: delegationId(),
  name: text('name').notNull(),
  programme: text('programme').notNull(),
  startsOn: date('starts_on'),
  description: text('description'),
  source: text('source'),
  ...timestamps(),
});

export const cohortMembers = pgTable(
  'cohort_members',
  {
    id: id(),
    delegationId: delegationId(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('cohort_members_uq').on(t.cohortId, t.organisationId)],
);

/** A session of a cohort: an action of the chronicle. */
export const cohortSessions = pgTable(
  'cohort_sessions',
  {
    id: id(),
    delegationId: delegationId(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('cohort_sessions_uq').on(t.cohortId, t.actionId)],
);
