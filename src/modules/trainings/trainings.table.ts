import { date, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { actions, partners } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';

/**
 * A training session for members' permanent staff: who provides it, who funds it, and
 * its trainees with their hours. When trainees are not named, `traineesCount` and
 * `hoursTotal` hold the counts given by the source.
 */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: id(),
    delegationId: delegationId(),
    actionId: uuid('action_id').references(() => actions.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    providerId: uuid('provider_id').references(() => partners.id, { onDelete: 'set null' }),
    funderId: uuid('funder_id').references(() => partners.id, { onDelete: 'set null' }),
    trainer: text('trainer'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    town: text('town'),
    department: text('department'),
    traineesCount: integer('trainees_count'),
    hoursTotal: numeric('hours_total', { precision: 10, scale: 2, mode: 'number' }),
    organisationsCount: integer('organisations_count'),
    note: text('note'),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('training_sessions_starts_idx').on(t.delegationId, t.startsOn)],
);

/** A named trainee of a session, with the hours they followed. */
export const trainingTrainees = pgTable(
  'training_trainees',
  {
    id: id(),
    delegationId: delegationId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title'),
    hours: numeric('hours', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    ...timestamps(),
  },
  (t) => [index('training_trainees_session_idx').on(t.sessionId)],
);
