import { z } from 'zod';
import { conventionTypeSchema } from '../members/members.schemas.ts';

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
const isoDate = z.iso.date();
const money = z.number().finite().max(10_000_000);

export const duesRuleSchema = z.strictObject({
  conventionType: conventionTypeSchema.nullable(),
  from: z.number().finite().nullable(),
  to: z.number().finite().nullable(),
  amount: money,
});

export const duesGridInputSchema = z.strictObject({
  basis: z.enum(['flat', 'etp', 'revenue']),
  rules: z.array(duesRuleSchema).min(1).max(100),
  note: z.string().max(2000).nullish(),
});

export const duesCallInputSchema = z.strictObject({
  organisationId: z.uuid(),
  year: yearSchema,
  basisValue: z.number().finite().nullish(),
  amount: money.nullish(),
  calledOn: isoDate.optional(),
});

export const duesPaymentSchema = z.strictObject({
  amountPaid: money.optional(),
  paidOn: isoDate.nullish(),
  amountCalled: money.optional(),
  note: z.string().max(2000).nullish(),
});

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const duesBasisSchema = z.enum(['flat', 'etp', 'revenue']).meta({ id: 'DuesBasis' });
export const duesStatusSchema = z.enum(['paid', 'partial', 'unpaid']).meta({ id: 'DuesStatus' });

export const duesGridSchema = z
  .object({
    year: z.number().int(),
    basis: duesBasisSchema,
    rules: z.array(duesRuleSchema),
    note: z.string().nullable(),
  })
  .meta({ id: 'DuesGrid' });

export const duesCallSchema = z
  .object({
    id: z.uuid(),
    basisValue: z.number().nullable(),
    amountCalled: z.number(),
    calledOn: z.iso.date(),
    amountPaid: z.number(),
    paidOn: z.iso.date().nullable(),
    note: z.string().nullable(),
    status: duesStatusSchema,
  })
  .meta({ id: 'DuesCall' });

export const duesYearSchema = z
  .object({
    year: z.number().int(),
    hasGrid: z.boolean(),
    items: z.array(
      z.object({
        organisationId: z.uuid(),
        organisationName: z.string(),
        types: z.array(z.string()),
        call: duesCallSchema.nullable(),
      }),
    ),
    totals: z.object({ called: z.number(), paid: z.number(), outstanding: z.number() }),
  })
  .meta({ id: 'DuesYear' });

export const callAllResultSchema = z
  .object({
    called: z.number().int(),
    skipped: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string() })),
  })
  .meta({ id: 'DuesCallAllResult' });
