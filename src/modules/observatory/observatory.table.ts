import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { users } from '../accounts/accounts.table.ts';
import { documentColumns } from '../documents/documents.table.ts';
import { type ConventionType, organisations } from '../members/members.table.ts';

export type IndicatorUnit = 'count' | 'hours' | 'euros' | 'percent' | 'etp';
export type IndicatorSection = 'activity' | 'people' | 'entrants' | 'staff' | 'economy' | 'exits' | 'other';

/**
 * A check on an indicator's value, or between indicators. `error` rules block a
 * submission; `warning` rules are shown and may be confirmed with a comment.
 */
export type IndicatorRule =
  | { kind: 'range'; min?: number; max?: number; severity: 'error' | 'warning' }
  | { kind: 'integer'; severity: 'error' }
  // The indicator equals the sum of its parts (exits by category = total exits).
  | { kind: 'sum'; parts: string[]; severity: 'error' | 'warning' }
  // The indicator ≈ another / divisor within a relative tolerance (ETP ≈ hours / 1,607).
  | { kind: 'ratio'; of: string; divisor: number; tolerance: number; severity: 'error' | 'warning' }
  // The indicator is at most another one (RSA recipients among entrants ≤ entrants).
  | { kind: 'atMost'; of: string; severity: 'error' | 'warning' }
  // A value that moved by more than `ratio` since the organisation's previous year.
  | { kind: 'change'; ratio: number; severity: 'warning' };

/** A yearly data campaign: year N-1 figures collected from every member. */
export const observatoryCampaigns = pgTable(
  'observatory_campaigns',
  {
    id: id(),
    delegationId: delegationId(),
    // The year the figures describe (the campaign runs the year after).
    year: integer('year').notNull(),
    title: text('title').notNull(),
    opensOn: date('opens_on').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
    // Synthetic campaigns hold generated figures (demo): labelled as such wherever shown.
    synthetic: boolean('synthetic').notNull().default(false),
    lastReminderOn: date('last_reminder_on'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('observatory_campaigns_year_uq').on(t.delegationId, t.year)],
);

/** The indicator catalogue of a campaign (copied from the previous one, then edited). */
export const observatoryIndicators = pgTable(
  'observatory_indicators',
  {
    id: id(),
    delegationId: delegationId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => observatoryCampaigns.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    definition: text('definition'),
    section: text('section').$type<IndicatorSection>().notNull(),
    unit: text('unit').$type<IndicatorUnit>().notNull(),
    // Convention types it applies to; empty = every type.
    appliesTo: text('applies_to').array().$type<ConventionType[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    rules: jsonb('rules').$type<IndicatorRule[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [uniqueIndex('observatory_indicators_code_uq').on(t.campaignId, t.code)],
);

export type SubmissionStatus = 'draft' | 'submitted' | 'correction_requested' | 'validated';

/**
 * One member's answer to a campaign, per convention type (a multi-type organisation
 * answers once per type). Type and department are kept as they were at submission, so
 * dashboards group without joining the registry of today.
 */
export const observatorySubmissions = pgTable(
  'observatory_submissions',
  {
    id: id(),
    delegationId: delegationId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => observatoryCampaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    conventionType: text('convention_type').notNull(),
    department: text('department'),
    year: integer('year').notNull(),
    status: text('status').$type<SubmissionStatus>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    validatedBy: text('validated_by').references(() => users.id, { onDelete: 'set null' }),
    correctionComment: text('correction_comment'),
    // Warnings the member confirmed, with their comment: { indicatorCode: comment }.
    confirmedWarnings: jsonb('confirmed_warnings').$type<Record<string, string>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('observatory_submissions_uq').on(t.campaignId, t.organisationId, t.conventionType),
    index('observatory_submissions_year_idx').on(t.delegationId, t.year),
  ],
);

/**
 * One figure of a submission. `year`, type and department repeat the submission's for the
 * dashboards, whose index also INCLUDEs submission_id, convention_type, department and value
 * (migrations/0017_observatory_covering_index.sql: Drizzle cannot declare INCLUDE).
 */
export const observatoryValues = pgTable(
  'observatory_values',
  {
    id: id(),
    delegationId: delegationId(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => observatorySubmissions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    year: integer('year').notNull(),
    conventionType: text('convention_type').notNull(),
    department: text('department'),
    indicatorCode: text('indicator_code').notNull(),
    value: numeric('value', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('observatory_values_uq').on(t.submissionId, t.indicatorCode),
    index('observatory_values_dashboard_idx').on(t.delegationId, t.indicatorCode, t.year),
  ],
);

/**
 * Published figures of years before the system (the seed's observatory for 2023):
 * aggregates as declared, never mixed with per-member values without saying so.
 */
export const observatoryDeclared = pgTable(
  'observatory_declared',
  {
    id: id(),
    delegationId: delegationId(),
    year: integer('year').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    // null = all types together; else one convention type.
    conventionType: text('convention_type'),
    value: numeric('value', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    // "close to 5,000": the figure as qualified by its source.
    qualifier: text('qualifier').$type<'exact' | 'about'>().notNull().default('exact'),
    label: text('label').notNull(),
    source: text('source').notNull(),
    ...timestamps(),
  },
  (t) => [
    // One all-types figure per year and indicator: here a null type is a value, not unknown.
    unique('observatory_declared_uq')
      .on(t.delegationId, t.year, t.indicatorCode, t.conventionType)
      .nullsNotDistinct(),
  ],
);

/** Source documents a member attaches to its submission (bytes in the database, as support documents). */
export const observatoryDocuments = pgTable(
  'observatory_documents',
  {
    id: id(),
    delegationId: delegationId(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => observatorySubmissions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    ...documentColumns(),
  },
  (t) => [index('observatory_documents_submission_idx').on(t.submissionId)],
);
