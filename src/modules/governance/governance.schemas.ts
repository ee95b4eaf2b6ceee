import { z } from 'zod';
import { boardRoles } from './governance.table.ts';

const isoDate = z.iso.date();
const shortText = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().trim().max(10_000).nullish();

export const assemblyKinds = ['ordinary', 'extraordinary'] as const;
export const groupKinds = ['structure_porteuse', 'ges'] as const;

export const assemblyInputSchema = z.strictObject({
  heldOn: isoDate,
  kind: z.enum(assemblyKinds),
  place: z.string().trim().max(500).nullish(),
  hosts: z.string().trim().max(2000).nullish(),
  decisions: longText,
  elections: longText,
  source: z.string().trim().max(1000).nullish(),
});
export const assemblyPatchSchema = assemblyInputSchema.partial();
export type AssemblyInput = z.infer<typeof assemblyInputSchema>;
export type AssemblyPatch = z.infer<typeof assemblyPatchSchema>;

export const boardAtQuerySchema = z.object({ at: isoDate.optional() });

export const mandatesQuerySchema = z.object({
  organisationId: z.uuid().optional(),
  person: z.string().trim().max(200).optional(),
});

// `role` null: a director without a bureau role (administrateur·rice).
export const mandateInputSchema = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  organisationId: z.uuid().nullish(),
  organisationName: z.string().trim().max(300).nullish(),
  department: z.string().trim().max(3).nullish(),
  role: z.enum(boardRoles).nullable(),
  nationalRepresentative: z.boolean().default(false),
  // Optional when the mandate is given by a general assembly: the assembly's date then.
  electedOn: isoDate.optional(),
  generalAssemblyId: z.uuid().nullish(),
  endsOn: isoDate.nullish(),
});
export type MandateInput = z.infer<typeof mandateInputSchema>;

export const mandatePatchSchema = z.strictObject({
  role: z.enum(boardRoles).nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  electedOn: isoDate.optional(),
  organisationId: z.uuid().nullable().optional(),
  organisationName: z.string().trim().min(1).max(300).optional(),
  department: z.string().trim().max(3).nullable().optional(),
  nationalRepresentative: z.boolean().optional(),
  generalAssemblyId: z.uuid().nullable().optional(),
});
export type MandatePatch = z.infer<typeof mandatePatchSchema>;

export const groupInputSchema = z.strictObject({
  name: shortText(300),
  kind: z.enum(groupKinds),
  note: z.string().trim().max(2000).nullish(),
  organisationIds: z.array(z.uuid()).max(200),
});
export const groupPatchSchema = groupInputSchema.partial();
export type GroupInput = z.infer<typeof groupInputSchema>;
export type GroupPatch = z.infer<typeof groupPatchSchema>;

export const idParamsSchema = z.object({ id: z.uuid() });

// --- Answers (named: the web app's generated client calls them by name) -----------------

export const boardRoleSchema = z.enum(boardRoles).meta({ id: 'BoardRole' });
export const assemblyKindSchema = z.enum(assemblyKinds).meta({ id: 'AssemblyKind' });
export const groupKindSchema = z.enum(groupKinds).meta({ id: 'MemberGroupKind' });

/** A seat on the board; `role` null: a director without a bureau role. */
export const boardMandateSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    organisationName: z.string(),
    organisationId: z.uuid().nullable(),
    department: z.string().nullable(),
    role: boardRoleSchema.nullable(),
    nationalRepresentative: z.boolean(),
    electedOn: isoDate,
    endsOn: isoDate.nullable(),
    generalAssemblyId: z.uuid().nullable(),
  })
  .meta({ id: 'BoardMandate' });
export const boardSchema = z
  .object({ at: isoDate, items: z.array(boardMandateSchema) })
  .meta({ id: 'GovernanceBoard' });
export const mandateListSchema = z
  .object({ items: z.array(boardMandateSchema) })
  .meta({ id: 'BoardMandateList' });

export const staffMemberSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string(),
    missions: z.string().nullable(),
  })
  .meta({ id: 'StaffMember' });
export const staffListSchema = z.object({ items: z.array(staffMemberSchema) }).meta({ id: 'StaffList' });

export const generalAssemblySchema = z
  .object({
    id: z.uuid(),
    heldOn: isoDate,
    kind: assemblyKindSchema,
    place: z.string().nullable(),
    hosts: z.string().nullable(),
    decisions: z.string().nullable(),
    elections: z.string().nullable(),
    source: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'GeneralAssembly' });
export const assemblyListSchema = z
  .object({ items: z.array(generalAssemblySchema) })
  .meta({ id: 'GeneralAssemblyList' });

export const memberGroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: groupKindSchema,
    note: z.string().nullable(),
    organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'MemberGroup' });
export const groupListSchema = z
  .object({ items: z.array(memberGroupSchema) })
  .meta({ id: 'MemberGroupList' });
