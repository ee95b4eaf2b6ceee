import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { users } from '../accounts/accounts.table.ts';
import { actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import { practiceGroupPeople } from '../practice-groups/practice-groups.table.ts';

export type ParticipationStatus = 'registered' | 'waiting' | 'cancelled';

/**
 * A person's place in an action: a registration to an event the delegation runs
 * (registered, on the waiting list, cancelled) or a presence noted at a meeting
 * (practice-exchange groups). `attended` is null until attendance is taken.
 */
export const participations = pgTable(
  'participations',
  {
    id: id(),
    delegationId: delegationId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    practiceGroupPersonId: uuid('practice_group_person_id').references(() => practiceGroupPeople.id, {
      onDelete: 'set null',
    }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    jobTitle: text('job_title'),
    status: text('status').$type<ParticipationStatus>().notNull().default('registered'),
    registeredBy: text('registered_by').references(() => users.id, { onDelete: 'set null' }),
    attended: boolean('attended'),
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('participations_action_idx').on(t.actionId, t.status, t.createdAt),
    index('participations_organisation_idx').on(t.delegationId, t.organisationId),
    // One live registration per e-mail and event; a cancelled one may be made again.
    uniqueIndex('participations_email_uq')
      .on(t.actionId, sql`lower(${t.email})`)
      .where(sql`${t.status} <> 'cancelled' and ${t.email} is not null`),
  ],
);

/**
 * A private calendar feed: whoever has the URL reads the user's events, so only a hash
 * of the token is kept and the user can revoke it.
 */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    id: id(),
    delegationId: delegationId(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('calendar_tokens_user_idx').on(t.delegationId, t.userId)],
);
