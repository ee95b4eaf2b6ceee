import { z } from 'zod';
import type { FieldAudiences } from '../../server/audiences.ts';
import { declaredFigureAnswer } from '../trainings/trainings.schemas.ts';
import type { buyers } from './purchasing.table.ts';

/** A buyer's contact person is the team's to know. See src/server/audiences.ts. */
export const buyerAudiences = {
  contactName: 'team',
  contactEmail: 'team',
  contactPhone: 'team',
} as const satisfies FieldAudiences<typeof buyers.$inferSelect>;

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
const text = (max: number) => z.string().trim().max(max).nullish();
const departmentSchema = z
  .string()
  .trim()
  .regex(/^(\d{2}|2[AB]|97\d)$/i)
  .nullish();

export const buyerSectors = ['public', 'private'] as const;
export const opportunityKinds = ['social_clause', 'reserved_contract', 'quote', 'other'] as const;
export const opportunityStatuses = ['open', 'closed', 'awarded', 'cancelled'] as const;
export const matchStatuses = ['proposed', 'sent', 'interested', 'quote_sent', 'won', 'lost'] as const;
export type MatchStatus = (typeof matchStatuses)[number];
/** What a member user may say of its own follow-up. */
export const memberMatchStatuses = ['interested', 'quote_sent'] as const;

export const buyerInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  sector: z.enum(buyerSectors),
  contactName: text(200),
  contactEmail: z.email().max(320).nullish(),
  contactPhone: text(40),
  note: text(4000),
  source: text(1000),
});
export type BuyerInput = z.infer<typeof buyerInputSchema>;

export const opportunityInputSchema = z.strictObject({
  buyerId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  kind: z.enum(opportunityKinds),
  amount: z.number().finite().min(0).max(999_999_999_999).nullish(),
  town: text(200),
  department: departmentSchema,
  deadline: z.iso.date().nullish(),
  activities: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  description: text(4000),
  status: z.enum(opportunityStatuses).default('open'),
});
export type OpportunityInput = z.infer<typeof opportunityInputSchema>;

export const opportunityListQuerySchema = z.object({
  status: z.enum(opportunityStatuses).optional(),
});

export const matchesCreateSchema = z.strictObject({
  organisationIds: z.array(z.uuid()).min(1).max(200),
});

export const matchUpdateSchema = z.strictObject({
  status: z.enum(matchStatuses).optional(),
  note: text(2000),
  insertionHours: z.number().finite().min(0).max(9_999_999_999).nullish(),
});
export type MatchUpdate = z.infer<typeof matchUpdateSchema>;

export const matchListQuerySchema = z.object({
  opportunityId: z.uuid().optional(),
  status: z.enum(matchStatuses).optional(),
});

export const idParams = z.object({ id: z.uuid() });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const buyerSectorSchema = z.enum(buyerSectors).meta({ id: 'PurchasingBuyerSector' });
export const opportunityKindSchema = z.enum(opportunityKinds).meta({ id: 'PurchasingOpportunityKind' });
export const opportunityStatusSchema = z
  .enum(opportunityStatuses)
  .meta({ id: 'PurchasingOpportunityStatus' });
export const matchStatusSchema = z.enum(matchStatuses).meta({ id: 'PurchasingMatchStatus' });

export const buyerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sector: buyerSectorSchema,
    // Null for the board: contact data is for the team only (buyerAudiences).
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    note: z.string().nullable(),
    source: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PurchasingBuyer' });

export const buyerListSchema = z.object({ items: z.array(buyerSchema) }).meta({ id: 'PurchasingBuyerList' });

export const opportunitySchema = z
  .object({
    id: z.uuid(),
    buyerId: z.uuid(),
    buyerName: z.string(),
    buyerSector: buyerSectorSchema,
    title: z.string(),
    kind: opportunityKindSchema,
    amount: z.number().nullable(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    deadline: z.iso.date().nullable(),
    activities: z.array(z.string()),
    description: z.string().nullable(),
    status: opportunityStatusSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'PurchasingOpportunity' });

export const opportunityListSchema = z
  .object({ items: z.array(opportunitySchema) })
  .meta({ id: 'PurchasingOpportunityList' });

export const candidateListSchema = z
  .object({
    items: z.array(
      z.object({
        organisationId: z.uuid(),
        name: z.string(),
        sharedActivities: z.array(z.string()),
        territory: z.enum(['department', 'region']).nullable(),
        reasons: z.array(z.string()),
        alreadyMatched: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'PurchasingCandidateList' });

export const matchSchema = z
  .object({
    id: z.uuid(),
    opportunityId: z.uuid(),
    opportunityTitle: z.string(),
    opportunityStatus: opportunityStatusSchema,
    deadline: z.iso.date().nullable(),
    buyerName: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    status: matchStatusSchema,
    reasons: z.array(z.string()),
    insertionHours: z.number().nullable(),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PurchasingMatch' });

export const matchListSchema = z.object({ items: z.array(matchSchema) }).meta({ id: 'PurchasingMatchList' });

export const purchasingStatsSchema = z
  .object({
    year: z.number().int(),
    computed: z.object({
      opportunities: z.number().int(),
      matches: z.number().int(),
      byStatus: z.object(
        Object.fromEntries(matchStatuses.map((s) => [s, z.number().int()])) as Record<
          MatchStatus,
          z.ZodNumber
        >,
      ),
      insertionHours: z.number(),
    }),
    declared: z.array(declaredFigureAnswer),
  })
  .meta({ id: 'PurchasingStats' });
