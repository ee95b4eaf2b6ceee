import { z } from 'zod';
import { conventionTypes } from '../members/members.table.ts';

export const funderKinds = ['foundation', 'endowment', 'public', 'company', 'other'] as const;

const isoDate = z.iso.date();
const amount = z.number().finite().min(0).max(100_000_000);
const word = z.string().trim().min(1).max(120);

export const funderInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(funderKinds),
  themes: z.array(word).max(30).optional(),
  // Department codes, 'region' or 'national'; the service checks the codes.
  territories: z.array(z.string().trim().min(1).max(10)).max(120).optional(),
  // The structures it funds; empty means any kind of structure.
  beneficiaryTypes: z.array(z.enum(conventionTypes)).max(conventionTypes.length).optional(),
  amountMin: amount.nullish(),
  amountMax: amount.nullish(),
  deadlines: z.string().trim().max(1000).nullish(),
  website: z.string().trim().max(2048).nullish(),
  lastCheckedOn: isoDate.nullish(),
  note: z.string().max(4000).nullish(),
  source: z.string().max(2000).nullish(),
});
export type FunderInput = z.infer<typeof funderInputSchema>;

// No defaults in the input: a patch leaving a list out keeps it (the table defaults to empty lists).
export const funderPatchSchema = funderInputSchema.partial();
export type FunderPatch = z.infer<typeof funderPatchSchema>;

export const funderListQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  theme: z.string().max(120).optional(),
  territory: z.string().max(10).optional(),
  beneficiaryType: z.enum(conventionTypes).optional(),
  amount: z.coerce.number().finite().min(0).optional(),
  checkedBefore: isoDate.optional(),
});
export type FunderListQuery = z.infer<typeof funderListQuerySchema>;

export const matchInputSchema = z.strictObject({
  themes: z.array(word).max(30).default([]),
  department: z.string().trim().max(10).optional(),
  amountSought: amount.optional(),
  conventionType: z.enum(conventionTypes).optional(),
  organisationId: z.uuid().optional(),
});
export type MatchInput = z.infer<typeof matchInputSchema>;

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const funderKindSchema = z.enum(funderKinds).meta({ id: 'FunderKind' });

export const funderSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: funderKindSchema,
    themes: z.array(z.string()),
    /** Department codes, 'region' or 'national'. */
    territories: z.array(z.string()),
    /** Convention types it funds; empty means any structure. */
    beneficiaryTypes: z.array(z.string()),
    amountMin: z.number().nullable(),
    amountMax: z.number().nullable(),
    deadlines: z.string().nullable(),
    website: z.string().nullable(),
    lastCheckedOn: z.iso.date().nullable(),
    note: z.string().nullable(),
    source: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Funder' });

export const funderListSchema = z.object({ items: z.array(funderSchema) }).meta({ id: 'FunderList' });

export const funderStatsSchema = z.object({ total: z.number().int() }).meta({ id: 'FunderStats' });

export const funderMatchSchema = z
  .object({
    project: z.object({
      themes: z.array(z.string()),
      department: z.string(),
      amountSought: z.number().nullable(),
      conventionTypes: z.array(z.string()),
      organisationId: z.uuid().nullable(),
    }),
    items: z.array(funderSchema.extend({ score: z.number(), reasons: z.array(z.string()) })),
  })
  .meta({ id: 'FunderMatch' });
