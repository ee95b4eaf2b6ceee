import { sql } from 'drizzle-orm';
import { boolean, date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { delegationId, id, timestamps } from '../../db/columns.ts';

export const conventionTypes = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GES', 'EBE'] as const;
export const conventionTypeEnum = pgEnum('convention_type', conventionTypes);
export type ConventionType = (typeof conventionTypes)[number];

/** The legal unit (SIREN). A member of the delegation is an organisation with a current membership period. */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    delegationId: delegationId(),
    name: text('name').notNull(),
    // Accent- and case-free copy of the name, maintained by the service, for search and duplicate checks.
    searchName: text('search_name').notNull(),
    siren: text('siren'),
    legalForm: text('legal_form'),
    website: text('website'),
    description: text('description'),
    // What the organisation does or sells, as free tags ("recyclerie", "espaces verts"):
    // public, so buyers and partners can find a supplier in the directory.
    activities: text('activities').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [index('organisations_delegation_search_idx').on(t.delegationId, t.searchName)],
);

/** A place of activity (SIRET). Printed directories list establishments, not organisations. */
export const establishments = pgTable(
  'establishments',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name'),
    siret: text('siret'),
    address: text('address'),
    postcode: text('postcode'),
    city: text('city'),
    department: text('department'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    isHeadquarters: boolean('is_headquarters').notNull().default(false),
    // The line as a printed source showed it (demo data), so nothing is lost in transcription.
    printedLabel: text('printed_label'),
    ...timestamps(),
  },
  (t) => [
    index('establishments_organisation_idx').on(t.organisationId),
    // A SIRET names one establishment: the database refuses a second one even if two
    // creations race past the service's duplicate check.
    uniqueIndex('establishments_delegation_siret_uq')
      .on(t.delegationId, t.siret)
      .where(sql`${t.siret} is not null`),
  ],
);

/** A State convention held by an establishment, with the departments it covers. */
export const conventions = pgTable(
  'conventions',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    establishmentId: uuid('establishment_id').references(() => establishments.id, { onDelete: 'cascade' }),
    type: conventionTypeEnum('type').notNull(),
    departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (t) => [index('conventions_organisation_idx').on(t.organisationId)],
);

export const membershipPeriods = pgTable(
  'membership_periods',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    // The join date when known. Sources like an annual report only attest that an
    // organisation was a member in a year: then joinedOn stays empty and knownFrom
    // holds the first date the source vouches for. Periods are counted from knownFrom.
    joinedOn: date('joined_on'),
    knownFrom: date('known_from').notNull(),
    leftOn: date('left_on'),
    leaveReason: text('leave_reason'),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('membership_periods_organisation_idx').on(t.organisationId)],
);

/** A person at a member organisation. Personal data: kept with a purpose and the person's consent. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    delegationId: delegationId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    firstName: text('first_name'),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title'),
    email: text('email'),
    phone: text('phone'),
    purpose: text('purpose').notNull(),
    consent: boolean('consent').notNull().default(false),
    ...timestamps(),
  },
  (t) => [index('contacts_organisation_idx').on(t.organisationId)],
);
