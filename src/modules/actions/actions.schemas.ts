import { z } from 'zod';
import type { FieldAudiences } from '../../server/audiences.ts';
import { actionKinds, missions, partnerKinds, type partners } from './actions.table.ts';

/** A partner's internal note ("Note interne") is the team's, not the board's. See src/server/audiences.ts. */
export const partnerAudiences = { note: 'team' } as const satisfies FieldAudiences<
  typeof partners.$inferSelect
>;

const isoDate = z.iso.date();
const shortText = (max: number) => z.string().trim().min(1).max(max);
// Local time of day, as a person writes it: "09:30". Seconds are not asked for.
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
// The shape of a French department code; that it exists is checked by the service.
const departmentCode = z.string().trim().toUpperCase().min(2).max(3);
const tags = z.array(z.string().trim().min(1).max(100)).max(30);

export const idParamsSchema = z.object({ id: z.uuid() });
export const yearSchema = z.coerce.number().int().min(1990).max(2100);

// --- Partners ------------------------------------------------------------------------

export const partnerInputSchema = z.strictObject({
  name: shortText(300),
  kind: z.enum(partnerKinds),
  department: departmentCode.nullish(),
  website: z.string().trim().max(2048).nullish(),
  thanked: z.boolean().default(false),
  note: z.string().trim().max(2000).nullish(),
});
export const partnerPatchSchema = z.strictObject({
  name: shortText(300).optional(),
  kind: z.enum(partnerKinds).optional(),
  department: departmentCode.nullish(),
  website: z.string().trim().max(2048).nullish(),
  thanked: z.boolean().optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type PartnerInput = z.infer<typeof partnerInputSchema>;
export type PartnerPatch = z.infer<typeof partnerPatchSchema>;

export const partnerListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(partnerKinds).optional(),
});
export type PartnerListQuery = z.infer<typeof partnerListQuerySchema>;

// --- Actions -------------------------------------------------------------------------

export const partnerRoles = ['organiser', 'partner', 'funder'] as const;
export const memberRoles = ['host', 'speaker', 'participant', 'organiser'] as const;
export const participantsQualifiers = ['exact', 'at_least', 'about'] as const;
export const visibilities = ['public', 'internal'] as const;

const partnerLinks = z
  .array(z.strictObject({ partnerId: z.uuid(), role: z.enum(partnerRoles).default('partner') }))
  .max(100);
const memberLinks = z
  .array(z.strictObject({ organisationId: z.uuid(), role: z.enum(memberRoles).default('participant') }))
  .max(500);

const actionFields = {
  title: shortText(300),
  kind: z.enum(actionKinds),
  startsOn: isoDate,
  // Left out or null: the action lasts one day (or one month, see datePrecision).
  endsOn: isoDate.nullish(),
  datePrecision: z.enum(['day', 'month']).default('day'),
  startTime: timeOfDay.nullish(),
  endTime: timeOfDay.nullish(),
  themes: tags.default([]),
  missions: z.array(z.enum(missions)).max(missions.length).default([]),
  objectives: tags.default([]),
  online: z.boolean().default(false),
  town: z.string().trim().max(200).nullish(),
  department: departmentCode.nullish(),
  participantsCount: z.number().int().min(0).max(1_000_000).nullish(),
  participantsQualifier: z.enum(participantsQualifiers).default('exact'),
  summary: z.string().trim().max(5000).nullish(),
  visibility: z.enum(visibilities).default('internal'),
  registrationOpen: z.boolean().default(false),
  capacity: z.number().int().min(1).max(100_000).nullish(),
  registrationClosesOn: isoDate.nullish(),
  practiceGroupId: z.uuid().nullish(),
  source: z.string().trim().max(1000).nullish(),
  partners: partnerLinks.default([]),
  members: memberLinks.default([]),
};

export const actionInputSchema = z.strictObject(actionFields);
export type ActionInput = z.infer<typeof actionInputSchema>;

// A patch names only what changes; lists given replace the whole list.
export const actionPatchSchema = z.strictObject({
  title: actionFields.title.optional(),
  kind: actionFields.kind.optional(),
  startsOn: actionFields.startsOn.optional(),
  endsOn: actionFields.endsOn,
  datePrecision: z.enum(['day', 'month']).optional(),
  startTime: actionFields.startTime,
  endTime: actionFields.endTime,
  themes: tags.optional(),
  missions: z.array(z.enum(missions)).max(missions.length).optional(),
  objectives: tags.optional(),
  online: z.boolean().optional(),
  town: actionFields.town,
  department: actionFields.department,
  participantsCount: actionFields.participantsCount,
  participantsQualifier: z.enum(participantsQualifiers).optional(),
  summary: actionFields.summary,
  visibility: z.enum(visibilities).optional(),
  registrationOpen: z.boolean().optional(),
  capacity: actionFields.capacity,
  registrationClosesOn: actionFields.registrationClosesOn,
  practiceGroupId: actionFields.practiceGroupId,
  source: actionFields.source,
  partners: partnerLinks.optional(),
  members: memberLinks.optional(),
});
export type ActionPatch = z.infer<typeof actionPatchSchema>;

/** Filters of the staff list and its export. */
export const actionFiltersSchema = z.object({
  year: yearSchema.optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  kind: z.enum(actionKinds).optional(),
  theme: z.string().trim().max(100).optional(),
  department: departmentCode.optional(),
  partnerId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  visibility: z.enum(visibilities).optional(),
  q: z.string().max(200).optional(),
});
export type ActionFilters = z.infer<typeof actionFiltersSchema>;

export const actionListQuerySchema = actionFiltersSchema.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

export const chronicleQuerySchema = z.object({ year: yearSchema.optional() });
export const organisationActionsQuerySchema = z.object({ year: yearSchema.optional() });
export const publicActionsQuerySchema = z.object({
  delegation: z.string().max(100).optional(),
  year: yearSchema.optional(),
});

// Named enums (`meta({ id })`): the web app's generated client calls them by name.
export const actionKindSchema = z.enum(actionKinds).meta({ id: 'ActionKind' });
export const missionSchema = z.enum(missions).meta({ id: 'ActionMission' });
export const partnerKindSchema = z.enum(partnerKinds).meta({ id: 'PartnerKind' });
export const partnerRoleSchema = z.enum(partnerRoles).meta({ id: 'ActionPartnerRole' });
export const memberRoleSchema = z.enum(memberRoles).meta({ id: 'ActionMemberRole' });
export const participantsQualifierSchema = z
  .enum(participantsQualifiers)
  .meta({ id: 'ActionParticipantsQualifier' });
export const visibilitySchema = z.enum(visibilities).meta({ id: 'ActionVisibility' });
const datePrecisionSchema = z.enum(['day', 'month']);

// What the public agenda shows of an action: what the activity report prints, nothing
// internal (no source, objectives, registration settings, practice group, sequence).
export const publicActionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: actionKindSchema,
    startsOn: z.string(),
    endsOn: z.string(),
    datePrecision: datePrecisionSchema,
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    themes: z.array(z.string()),
    missions: z.array(missionSchema),
    online: z.boolean(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    participantsCount: z.number().int().nullable(),
    participantsQualifier: participantsQualifierSchema,
    summary: z.string().nullable(),
    partners: z.array(z.object({ name: z.string(), role: partnerRoleSchema })),
    members: z.array(z.object({ name: z.string(), role: memberRoleSchema })),
  })
  .meta({ id: 'PublicAction' });
export const publicChronicleSchema = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    months: z.array(
      z.object({ month: z.number().int(), count: z.number().int(), actions: z.array(publicActionSchema) }),
    ),
  })
  .meta({ id: 'PublicChronicle' });
export type PublicChronicle = z.infer<typeof publicChronicleSchema>;

// --- Answers -------------------------------------------------------------------------

export const partnerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: partnerKindSchema,
    department: z.string().nullable(),
    website: z.string().nullable(),
    thanked: z.boolean(),
    // The team's internal note: absent for the board (partnerAudiences).
    note: z.string().nullable().optional(),
    actionsCount: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Partner' });
export const partnerListSchema = z.object({ items: z.array(partnerSchema) }).meta({ id: 'PartnerList' });

/** An action as the team reads it: every field, its partners and member organisations. */
export const actionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: actionKindSchema,
    startsOn: isoDate,
    endsOn: isoDate,
    datePrecision: datePrecisionSchema,
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    themes: z.array(z.string()),
    missions: z.array(missionSchema),
    objectives: z.array(z.string()),
    online: z.boolean(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    participantsCount: z.number().int().nullable(),
    participantsQualifier: participantsQualifierSchema,
    participantsSource: z.enum(['declared', 'attendance']).nullable(),
    summary: z.string().nullable(),
    visibility: visibilitySchema,
    registrationOpen: z.boolean(),
    capacity: z.number().int().nullable(),
    registrationClosesOn: isoDate.nullable(),
    practiceGroupId: z.uuid().nullable(),
    sequence: z.number().int(),
    source: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    partners: z.array(
      z.object({ partnerId: z.uuid(), name: z.string(), kind: partnerKindSchema, role: partnerRoleSchema }),
    ),
    members: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: memberRoleSchema })),
  })
  .meta({ id: 'Action' });

/** One action's page: the action and the name of its practice group. */
export const actionDetailSchema = actionSchema
  .extend({ practiceGroupName: z.string().nullable() })
  .meta({ id: 'ActionDetail' });

export const actionListSchema = z
  .object({
    items: z.array(actionSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'ActionList' });

export const actionChronicleSchema = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    months: z.array(
      z.object({ month: z.number().int(), count: z.number().int(), actions: z.array(actionSchema) }),
    ),
  })
  .meta({ id: 'ActionChronicle' });

/** An action an organisation took part in, with its role in it. */
export const organisationActionsSchema = z
  .object({
    year: z.number().int().nullable(),
    items: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        kind: actionKindSchema,
        startsOn: isoDate,
        endsOn: isoDate,
        datePrecision: datePrecisionSchema,
        startTime: z.string().nullable(),
        endTime: z.string().nullable(),
        online: z.boolean(),
        town: z.string().nullable(),
        department: z.string().nullable(),
        summary: z.string().nullable(),
        visibility: visibilitySchema,
        role: memberRoleSchema,
      }),
    ),
  })
  .meta({ id: 'OrganisationActions' });
