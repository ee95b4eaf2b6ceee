import { z } from 'zod';

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
const isoDate = z.iso.date();
const money = z.number().finite().max(10_000_000);

export const duesRuleSchema = z.strictObject({
  conventionType: z.enum(['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GES', 'EBE']).nullable(),
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
