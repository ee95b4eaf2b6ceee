import { z } from 'zod';
import { declaredFigureAnswer } from '../trainings/trainings.schemas.ts';

export const projectKinds = ['ptce', 'tzcld', 'zest'] as const;
export const projectStatuses = ['emerging', 'active', 'authorised', 'ended'] as const;

const isoDate = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
export const idParamsSchema = z.object({ id: z.uuid() });
export const childParamsSchema = z.object({ id: z.uuid(), childId: z.uuid() });

/*
 * One shape for the three kinds: which fields a kind may carry (phase for a PTCE, the
 * authorisation for a TZCLD, the sector for a ZEST') is checked by the service on the
 * merged record, so that a change of kind or a partial update is checked the same way.
 */
const projectFields = {
  kind: z.enum(projectKinds),
  name: z.string().trim().min(1).max(300),
  territory: optionalText(300),
  departments: z.array(z.string().trim().min(1).max(3)).max(13).default([]),
  phase: z.number().int().nullish(),
  status: z.enum(projectStatuses).default('active'),
  authorisedOn: isoDate.nullish(),
  localCommittee: optionalText(500),
  ebeName: optionalText(300),
  ebeOrganisationId: z.uuid().nullish(),
  sector: optionalText(500),
  description: optionalText(10_000),
  source: optionalText(2000),
};

export const projectInputSchema = z.strictObject(projectFields);
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const projectPatchSchema = z.strictObject({
  ...projectFields,
  departments: projectFields.departments.unwrap().optional(),
  status: projectFields.status.unwrap().optional(),
  kind: projectFields.kind.optional(),
  name: projectFields.name.optional(),
});
export type ProjectPatch = z.infer<typeof projectPatchSchema>;

export const projectListQuerySchema = z.object({
  kind: z.enum(projectKinds).optional(),
  department: z.string().trim().max(3).optional(),
  status: z.enum(projectStatuses).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ProjectFilter = z.infer<typeof projectListQuerySchema>;

export const memberInputSchema = z.strictObject({
  organisationId: z.uuid(),
  role: optionalText(200),
});

// A link points at exactly one record: an action of the chronicle or a support file.
export const linkInputSchema = z.union([
  z.strictObject({ actionId: z.uuid() }),
  z.strictObject({ supportFileId: z.uuid() }),
]);
export type LinkInput = z.infer<typeof linkInputSchema>;

const sessionFields = {
  title: z.string().trim().min(1).max(300),
  startsOn: isoDate.nullish(),
  endsOn: isoDate.nullish(),
  traineesCount: z.number().int().min(0).max(100_000).nullish(),
  employersCount: z.number().int().min(0).max(100_000).nullish(),
  note: optionalText(5000),
};
export const sessionInputSchema = z.strictObject(sessionFields);
export const sessionPatchSchema = z.strictObject(sessionFields).partial();
export type SessionInput = z.infer<typeof sessionInputSchema>;
export type SessionPatch = z.infer<typeof sessionPatchSchema>;

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const projectKindSchema = z.enum(projectKinds).meta({ id: 'TerritoryProjectKind' });
export const projectStatusSchema = z.enum(projectStatuses).meta({ id: 'TerritoryProjectStatus' });

export const projectSchema = z
  .object({
    id: z.uuid(),
    kind: projectKindSchema,
    name: z.string(),
    territory: z.string().nullable(),
    departments: z.array(z.string()),
    phase: z.number().int().nullable(),
    status: projectStatusSchema,
    authorisedOn: z.iso.date().nullable(),
    localCommittee: z.string().nullable(),
    ebeName: z.string().nullable(),
    ebeOrganisationId: z.uuid().nullable(),
    sector: z.string().nullable(),
    description: z.string().nullable(),
    source: z.string().nullable(),
  })
  .meta({ id: 'TerritoryProject' });

export const projectListSchema = z
  .object({ items: z.array(projectSchema) })
  .meta({ id: 'TerritoryProjectList' });

export const projectSessionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    startsOn: z.iso.date().nullable(),
    endsOn: z.iso.date().nullable(),
    traineesCount: z.number().int().nullable(),
    employersCount: z.number().int().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'TerritoryProjectSession' });

export const projectDetailSchema = projectSchema
  .extend({
    ebeOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    members: z.array(
      z.object({ id: z.uuid(), organisationId: z.uuid(), name: z.string(), role: z.string().nullable() }),
    ),
    actions: z.array(
      z.object({
        linkId: z.uuid(),
        id: z.uuid(),
        title: z.string(),
        startsOn: z.iso.date(),
        kind: z.string(),
        visibility: z.enum(['public', 'internal']),
      }),
    ),
    supportFiles: z.array(
      z.object({
        linkId: z.uuid(),
        id: z.uuid(),
        title: z.string(),
        status: z.string(),
        organisationId: z.uuid().nullable(),
      }),
    ),
    sessions: z.array(projectSessionSchema),
  })
  .meta({ id: 'TerritoryProjectDetail' });

/** A member or a link added to a project: its id (the page reloads the project). */
export const projectPartSchema = z.object({ id: z.uuid() }).meta({ id: 'TerritoryProjectPart' });

const territoryDeclaredFigure = declaredFigureAnswer.nullable();

export const territoryStatsSchema = z
  .object({
    year: z.number().int(),
    computed: z.object({
      ptcePhase1: z.number().int(),
      ptcePhase2: z.number().int(),
      ptcePhaseUnknown: z.number().int(),
      tzcldTerritories: z.number().int(),
      zestProgrammes: z.number().int(),
      zestSessions: z.number().int(),
      zestTrainees: z.number().int(),
      zestUndatedSessions: z.number().int(),
    }),
    declared: z.object({
      ptcePhase1: territoryDeclaredFigure,
      ptcePhase2: territoryDeclaredFigure,
      tzcldTerritories: territoryDeclaredFigure,
      zestSessions: territoryDeclaredFigure,
      zestTrainees: territoryDeclaredFigure,
    }),
  })
  .meta({ id: 'TerritoryStats' });

export const territoryMapSchema = z
  .object({
    departments: z.array(
      z.object({
        code: z.string(),
        name: z.string().nullable(),
        ptce: z.number().int(),
        tzcld: z.number().int(),
        zest: z.number().int(),
        total: z.number().int(),
      }),
    ),
    withoutDepartment: z.number().int(),
  })
  .meta({ id: 'TerritoryMap' });
