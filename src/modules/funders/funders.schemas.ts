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
