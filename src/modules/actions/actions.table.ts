import { boolean, date, index, integer, pgTable, text, time, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';
import { organisations } from '../members/members.table.ts';
import { practiceGroups } from '../practice-groups/practice-groups.table.ts';

/** Who the delegation works with: State services, Région, départements, CRESS, other networks… */
export const partnerKinds = [
  'state',
  'region',
  'department',
  'cress',
  'network',
  'company',
  'foundation',
  'training_body',
  'public_body',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** The partners and funders registry: one row per body the delegation acts with. */
export const partners = pgTable(
  'partners',
  {
    id: id(),
    delegationId: delegationId(),
    name: text('name').notNull(),
    kind: text('kind').$type<PartnerKind>().notNull(),
    department: text('department'),
    website: text('website'),
    // Partners thanked in the yearly report are those marked as such.
    thanked: boolean('thanked').notNull().default(false),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('partners_name_uq').on(t.delegationId, t.name)],
);

export const actionKinds = [
  'workshop',
  'regional_day',
  'webinar',
  'practice_exchange',
  'training',
  'general_assembly',
  'round_table',
  'committee',
  'partner_meeting',
  'signature',
  'conference',
  'publication',
  'support',
  'other',
] as const;
export type ActionKind = (typeof actionKinds)[number];

/** The delegation's missions, as the network names them. */
export const missions = ['representer', 'participer', 'animer', 'developper', 'accompagner'] as const;
export type Mission = (typeof missions)[number];

/**
 * Something the delegation did or took part in, on one day or several. Times are local
 * (Europe/Paris); an action without times lasts whole days. `participantsCount` is a
 * count when people are not named; once attendance is taken it is the attended count.
 */
export const actions = pgTable(
  'actions',
  {
    id: id(),
    delegationId: delegationId(),
    title: text('title').notNull(),
    kind: text('kind').$type<ActionKind>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    // How precisely the source dates it: a report may say "in January and February".
    datePrecision: text('date_precision').$type<'day' | 'month'>().notNull().default('day'),
    startTime: time('start_time'),
    endTime: time('end_time'),
    themes: text('themes').array().notNull().default([]),
    missions: text('missions').array().$type<Mission[]>().notNull().default([]),
    objectives: text('objectives').array().notNull().default([]),
    online: boolean('online').notNull().default(false),
    town: text('town'),
    department: text('department'),
    participantsCount: integer('participants_count'),
    // "more than 80", "close to 150": the count as the source qualifies it.
    participantsQualifier: text('participants_qualifier')
      .$type<'exact' | 'at_least' | 'about'>()
      .notNull()
      .default('exact'),
    participantsSource: text('participants_source').$type<'declared' | 'attendance'>(),
    summary: text('summary'),
    visibility: text('visibility').$type<'public' | 'internal'>().notNull().default('internal'),
    // Events the delegation runs take registrations.
    registrationOpen: boolean('registration_open').notNull().default(false),
    capacity: integer('capacity'),
    registrationClosesOn: date('registration_closes_on'),
    practiceGroupId: uuid('practice_group_id').references(() => practiceGroups.id, { onDelete: 'set null' }),
    // iCalendar SEQUENCE: raised by each change of an event's time, place or title.
    sequence: integer('sequence').notNull().default(0),
    // Where the record comes from when it was transcribed (e.g. the 2024 report's page).
    source: text('source'),
    ...timestamps(),
  },
  (t) => [
    index('actions_delegation_starts_idx').on(t.delegationId, t.startsOn),
    index('actions_practice_group_idx').on(t.practiceGroupId),
  ],
);

/** A partner's part in an action: organiser, partner or funder. */
export const actionPartners = pgTable(
  'action_partners',
  {
    id: id(),
    delegationId: delegationId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    role: text('role').$type<'organiser' | 'partner' | 'funder'>().notNull().default('partner'),
  },
  (t) => [
    uniqueIndex('action_partners_uq').on(t.actionId, t.partnerId),
    index('action_partners_partner_idx').on(t.partnerId),
  ],
);

/** Member organisations involved in an action (host, speaker, participant). */
export const actionMembers = pgTable(
  'action_members',
  {
    id: id(),
    delegationId: delegationId(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role')
      .$type<'host' | 'speaker' | 'participant' | 'organiser'>()
      .notNull()
      .default('participant'),
  },
  (t) => [
    uniqueIndex('action_members_uq').on(t.actionId, t.organisationId),
    index('action_members_organisation_idx').on(t.delegationId, t.organisationId),
  ],
);
