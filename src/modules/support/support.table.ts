import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { users } from '../accounts/accounts.table.ts';
import { documentColumns } from '../documents/documents.table.ts';
import { organisations } from '../members/members.table.ts';

export const supportSubjects = [
  'fse_plus_application',
  'fse_plus_report',
  'financial_diagnosis',
  'quality_approach',
  'territorial_project',
  'anti_discrimination',
  'individual_support',
  'other',
] as const;
export type SupportSubject = (typeof supportSubjects)[number];

export const supportStatuses = ['open', 'in_progress', 'waiting', 'done', 'abandoned'] as const;
export type SupportStatus = (typeof supportStatuses)[number];

/** A support file: the delegation helping one member on one subject. */
export const supportFiles = pgTable(
  'support_files',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    subject: text('subject').$type<SupportSubject>().notNull(),
    title: text('title').notNull(),
    ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<SupportStatus>().notNull().default('open'),
    openedOn: date('opened_on').notNull(),
    dueOn: date('due_on'),
    nextStep: text('next_step'),
    closedOn: date('closed_on'),
    description: text('description'),
    ...timestamps(),
  },
  (t) => [
    index('support_files_organisation_idx').on(t.delegationId, t.organisationId),
    index('support_files_owner_idx').on(t.delegationId, t.ownerUserId, t.status),
  ],
);

/** Time a staff member spent on a file. */
export const supportTimeEntries = pgTable(
  'support_time_entries',
  {
    id: id(),
    delegationId: delegationId(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => supportFiles.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    spentOn: date('spent_on').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [index('support_time_entries_file_idx').on(t.fileId)],
);

export const supportNotes = pgTable(
  'support_notes',
  {
    id: id(),
    delegationId: delegationId(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => supportFiles.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    ...timestamps(),
  },
  (t) => [index('support_notes_file_idx').on(t.fileId)],
);

/**
 * A document attached to a file, kept in the database so that every app server sees
 * it and a backup holds it. The audit line records its name, type, size and hash, not
 * its bytes (see migrations/0011_actions_events_support.sql).
 */
export const supportDocuments = pgTable(
  'support_documents',
  {
    id: id(),
    delegationId: delegationId(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => supportFiles.id, { onDelete: 'cascade' }),
    ...documentColumns(),
  },
  (t) => [index('support_documents_file_idx').on(t.fileId)],
);

export interface InterviewQuestion {
  id: string;
  label: string;
  kind: 'text' | 'long_text' | 'number' | 'yes_no' | 'choice' | 'scale';
  options?: string[];
  required?: boolean;
  help?: string;
}

/** The questions of the annual member interview for a year: data, edited by staff. */
export const interviewTemplates = pgTable(
  'interview_templates',
  {
    id: id(),
    delegationId: delegationId(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    questions: jsonb('questions').$type<InterviewQuestion[]>().notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('interview_templates_year_uq').on(t.delegationId, t.year)],
);

/** One member's annual interview: the answers to its year's questions. */
export const interviews = pgTable(
  'interviews',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    templateId: uuid('template_id')
      .notNull()
      .references(() => interviewTemplates.id, { onDelete: 'restrict' }),
    heldOn: date('held_on'),
    interviewerUserId: text('interviewer_user_id').references(() => users.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    status: text('status').$type<'draft' | 'done'>().notNull().default('draft'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('interviews_organisation_template_uq').on(t.organisationId, t.templateId)],
);
