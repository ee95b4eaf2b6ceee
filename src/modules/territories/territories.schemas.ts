import { z } from 'zod';

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
