/**
 * Request and response shapes of the member registry API, shared with the web app:
 * only `zod` here (and type-only imports), nothing that pulls server code into a bundle.
 *
 * Inputs are shape-checked here (types, lengths, enums, dates); the checks that need
 * reference data or the database (SIRET key, postcode ↔ department, duplicates) are the
 * service's, and come back as 422/409 with one French message per field.
 */
import { z } from 'zod';
import type { FieldAudiences } from '../../server/audiences.ts';
import type { ConventionType, contacts } from './members.table.ts';

export const CONVENTION_TYPES = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GES', 'EBE'] as const;
// Fails to compile if the database enum and this list drift apart.
const sameTypes: (typeof CONVENTION_TYPES)[number] extends ConventionType
  ? ConventionType extends (typeof CONVENTION_TYPES)[number]
    ? true
    : never
  : never = true;
void sameTypes;

export const conventionTypeSchema = z.enum(CONVENTION_TYPES).meta({ id: 'ConventionType' });

/** The French names of the convention types (the reference endpoint serves them too). */
export const CONVENTION_TYPE_LABELS: Record<ConventionType, string> = {
  AI: 'Association intermédiaire',
  ACI: "Atelier et chantier d'insertion",
  EI: "Entreprise d'insertion",
  ETTI: "Entreprise de travail temporaire d'insertion",
  EITI: "Entreprise d'insertion par le travail indépendant",
  GES: 'Groupe économique solidaire',
  EBE: "Entreprise à but d'emploi",
};

/** Department code as the INSEE writes it: 01–95, 2A, 2B, 971–976. */
export const departmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{2}|2[AB]|97\d)$/);
export const isoDateSchema = z.iso.date();
export const idParamsSchema = z.object({ id: z.uuid() });

// Optional text: null or "" clears it (forms send empty strings), absent leaves it alone.
const text = (max: number) => z.string().max(max).nullish();

// ---------------------------------------------------------------------------
// List
// ---------------------------------------------------------------------------

export const membershipFilterSchema = z.enum(['current', 'former', 'none', 'all']);
export const organisationSortSchema = z.enum([
  'name',
  '-name',
  'department',
  '-department',
  'updated',
  '-updated',
]);

export const organisationListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  type: conventionTypeSchema.optional(),
  department: departmentCodeSchema.optional(),
  membership: membershipFilterSchema.default('current'),
  sort: organisationSortSchema.default('name'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

export const membershipStatusSchema = z.enum(['current', 'former', 'none']).meta({ id: 'MembershipStatus' });

export const organisationListItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    siren: z.string().nullable(),
    types: z.array(conventionTypeSchema),
    departments: z.array(z.string()),
    city: z.string().nullable(),
    postcode: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    membership: membershipStatusSchema,
    activities: z.array(z.string()),
    updatedAt: z.string(),
  })
  .meta({ id: 'OrganisationListItem' });
export type OrganisationListItem = z.infer<typeof organisationListItemSchema>;

export const organisationListSchema = z
  .object({
    items: z.array(organisationListItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'OrganisationList' });

// ---------------------------------------------------------------------------
// Full record
// ---------------------------------------------------------------------------

export const establishmentSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    siret: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    department: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    isHeadquarters: z.boolean(),
    printedLabel: z.string().nullable(),
  })
  .meta({ id: 'Establishment' });
export const conventionSchema = z
  .object({
    id: z.string(),
    type: conventionTypeSchema,
    establishmentId: z.string().nullable(),
    departments: z.array(z.string()),
  })
  .meta({ id: 'Convention' });
export const membershipPeriodSchema = z
  .object({
    id: z.string(),
    joinedOn: z.string().nullable(),
    knownFrom: z.string(),
    leftOn: z.string().nullable(),
    leaveReason: z.string().nullable(),
    source: z.string().nullable(),
  })
  .meta({ id: 'MembershipPeriod' });
export const contactSchema = z
  .object({
    id: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string(),
    jobTitle: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    purpose: z.string(),
    consent: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' });

export const organisationRecordSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    siren: z.string().nullable(),
    legalForm: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    /** Absent for readers outside its audience (see `organisationAudiences`). */
    note: z.string().nullable().optional(),
    /** Public tags of what the organisation does or sells (the directory filters on them). */
    activities: z.array(z.string()),
    types: z.array(conventionTypeSchema),
    membership: membershipStatusSchema,
    establishments: z.array(establishmentSchema),
    conventions: z.array(conventionSchema),
    memberships: z.array(membershipPeriodSchema),
    contacts: z.array(contactSchema),
    /** What the viewer may change: everything, only the public profile, or nothing. */
    editable: z.enum(['all', 'public', 'none']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OrganisationRecord' });
export type OrganisationRecord = z.infer<typeof organisationRecordSchema>;

/**
 * Fields of an organisation that not every reader of the record may read: the internal
 * note ("Visible de l'équipe de la délégation seulement") is the team's; contacts are
 * personal data, read by the team and the organisation itself. See src/server/audiences.ts.
 */
export const organisationAudiences = {
  note: 'team',
  contacts: 'member',
} as const satisfies FieldAudiences<OrganisationRecord>;

/** A contact is personal data: every field is the team's and its organisation's. */
export const contactAudiences = {
  firstName: 'member',
  lastName: 'member',
  jobTitle: 'member',
  email: 'member',
  phone: 'member',
  purpose: 'member',
  consent: 'member',
} as const satisfies FieldAudiences<typeof contacts.$inferSelect>;

// ---------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------

const establishmentFields = {
  name: text(300),
  siret: text(40),
  address: text(500),
  postcode: text(20),
  city: text(200),
  department: text(10),
  phone: text(64),
  email: text(254),
  website: text(2048),
};

export const establishmentInputSchema = z.strictObject({
  ...establishmentFields,
  isHeadquarters: z.boolean().optional(),
});
export type EstablishmentInput = z.infer<typeof establishmentInputSchema>;
export const establishmentPatchSchema = establishmentInputSchema;

const organisationFields = {
  siren: text(40),
  legalForm: text(200),
  website: text(2048),
  description: text(5000),
  note: text(5000),
  // Loose bounds only: the service checks count and lengths (20 tags of 2–80 characters)
  // so that each bad tag comes back as a 422 naming it (`activities.N`), not as a 400.
  activities: z.array(z.string().max(1000)).max(200).optional(),
};

// Required texts are optional here so that a missing one is reported by the service
// with every other field problem at once (422), not alone by the schema (400).
export const organisationCreateSchema = z.strictObject({
  name: z.string().max(300).optional(),
  ...organisationFields,
  establishment: establishmentInputSchema.default({}),
  conventionTypes: z.array(conventionTypeSchema).max(CONVENTION_TYPES.length).default([]),
  joinedOn: isoDateSchema.optional(),
});
export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;

export const organisationPatchSchema = z.strictObject({
  name: z.string().max(300).optional(),
  ...organisationFields,
});
export type OrganisationPatch = z.infer<typeof organisationPatchSchema>;

export const conventionCreateSchema = z.strictObject({
  type: conventionTypeSchema,
  establishmentId: z.uuid().nullish(),
  departments: z.array(departmentCodeSchema).max(20).default([]),
});
export type ConventionCreate = z.infer<typeof conventionCreateSchema>;

export const membershipCreateSchema = z.strictObject({
  joinedOn: isoDateSchema,
  leftOn: isoDateSchema.nullish(),
  leaveReason: text(1000),
});
export type MembershipCreate = z.infer<typeof membershipCreateSchema>;

export const membershipPatchSchema = z.strictObject({
  leftOn: isoDateSchema.nullish(),
  leaveReason: text(1000),
});
export type MembershipPatch = z.infer<typeof membershipPatchSchema>;

export const contactCreateSchema = z.strictObject({
  firstName: text(200),
  lastName: z.string().max(200).optional(),
  jobTitle: text(200),
  email: text(254),
  phone: text(64),
  /** Why the delegation keeps this person's details (personal data needs a purpose). */
  purpose: z.string().max(500).optional(),
  consent: z.boolean(),
});
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const contactPatchSchema = z.strictObject({
  firstName: text(200),
  lastName: z.string().max(200).optional(),
  jobTitle: text(200),
  email: text(254),
  phone: text(64),
  purpose: z.string().max(500).optional(),
  consent: z.boolean().optional(),
});
export type ContactPatch = z.infer<typeof contactPatchSchema>;

export const createdSchema = z.object({ id: z.string() }).meta({ id: 'MembersCreated' });

// ---------------------------------------------------------------------------
// Reference data, history, public pages
// ---------------------------------------------------------------------------

export const referenceSchema = z
  .object({
    conventionTypes: z.array(z.object({ code: conventionTypeSchema, label: z.string() })),
    departments: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'MembersReference' });

/** An organisation's history: the audit module's answer. */
export { historySchema } from '../audit/audit.schemas.ts';

export const publicStructuresQuerySchema = z.object({
  department: departmentCodeSchema.optional(),
  type: conventionTypeSchema.optional(),
  q: z.string().max(200).optional(),
  /** One activity tag, compared without accents or case. */
  activity: z.string().max(200).optional(),
  delegation: z.string().max(100).optional(),
  /** From 1; without it the whole directory is answered, as existing clients expect. */
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  /** Entries per page (with `page`), at most 200. */
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type PublicStructuresQuery = z.infer<typeof publicStructuresQuerySchema>;

export const publicStructureSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    types: z.array(conventionTypeSchema),
    department: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    activities: z.array(z.string()),
    /** Departments the establishment is listed under: its own and those its conventions cover. */
    listedUnder: z.array(z.string()),
  })
  .meta({ id: 'PublicStructure' });
export type PublicStructure = z.infer<typeof publicStructureSchema>;
export const publicStructuresSchema = z
  .object({
    items: z.array(publicStructureSchema),
    /** Every entry the filters keep, whatever the page. */
    total: z.number().int(),
    page: z.number().int().optional(),
    pageSize: z.number().int().optional(),
  })
  .meta({ id: 'PublicStructures' });

export const publicStructuresSummaryQuerySchema = z.object({
  delegation: z.string().max(100).optional(),
});
/** The map's figures without the directory itself. */
export const publicStructuresSummarySchema = z
  .object({
    /** Directory entries (establishments of current members). */
    total: z.number().int(),
    /** Distinct member organisations. */
    organisations: z.number().int(),
    /** Member organisations each department's directory lists (`listedUnder`), by department code. */
    byDepartment: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'PublicStructuresSummary' });

export const publicActivitiesQuerySchema = z.object({
  delegation: z.string().max(100).optional(),
});
/** Current members' activities, one per spelling-insensitive form, with how many members have it. */
export const publicActivitiesSchema = z
  .object({
    items: z.array(z.object({ label: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'PublicActivities' });
export type PublicActivity = z.infer<typeof publicActivitiesSchema>['items'][number];

export const memberStatsQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  delegation: z.string().max(100).optional(),
});
export const memberStatsSchema = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    byType: z.partialRecord(conventionTypeSchema, z.number().int()),
    byDepartment: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'MemberStats' });
