/**
 * Request shapes of the observatory's dashboards, peer position and exports, shared with
 * the web app: only `zod` here. What needs the database (is the indicator known, may this
 * member see that organisation) is the service's.
 */
import { z } from 'zod';
import { conventionTypes } from '../members/members.table.ts';

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
/**
 * Indicator codes: English ids such as revenue, persons, exitsDurable. The same shape as
 * the catalogue editor accepts (observatory.schemas.ts), so every catalogue code can be asked for.
 */
export const indicatorCodePattern = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const conventionTypeSchema = z.enum(conventionTypes);
// Metropolitan departments, Corsica and overseas: what the registry stores.
export const departmentSchema = z.string().regex(/^(\d{2}|2A|2B|97\d)$/);
/** `submitted`: also count answers not validated yet (a campaign under way). Validated only by default. */
export const includeSchema = z.enum(['submitted']).optional();

export const MAX_INDICATORS = 20;

const indicatorList = z
  .string()
  .max(1000)
  .transform((text) => [...new Set(text.split(',').map((code) => code.trim()))].filter(Boolean))
  .pipe(z.array(z.string().regex(indicatorCodePattern)).min(1).max(MAX_INDICATORS));

export const dashboardQuerySchema = z.object({
  indicators: indicatorList,
  from: yearSchema.optional(),
  to: yearSchema.optional(),
  type: conventionTypeSchema.optional(),
  department: departmentSchema.optional(),
  include: includeSchema,
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const positionParamsSchema = z.object({ organisationId: z.uuid() });
export const positionQuerySchema = z.object({
  year: yearSchema.optional(),
  type: conventionTypeSchema.optional(),
  include: includeSchema,
});
export type PositionQuery = z.infer<typeof positionQuerySchema>;

export const exportQuerySchema = z.object({
  from: yearSchema.optional(),
  to: yearSchema.optional(),
  include: includeSchema,
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** How a published figure was given: exactly, or rounded ("près de 5 000"). */
export const declaredQualifiers = ['exact', 'about'] as const;
export type DeclaredQualifier = (typeof declaredQualifiers)[number];
export const qualifierSchema = z.enum(declaredQualifiers).meta({ id: 'ObservatoryQualifier' });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

const countedSchema = z.array(z.enum(['draft', 'submitted', 'correction_requested', 'validated']));

export const indicatorInfoSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    unit: z.enum(['count', 'hours', 'euros', 'percent', 'etp']),
    section: z.string(),
    definition: z.string().nullable(),
  })
  .meta({ id: 'ObservatoryIndicatorInfo' });

const computedPoint = z.object({
  source: z.literal('computed'),
  year: z.number().int(),
  value: z.number(),
  answers: z.number().int(),
  synthetic: z.boolean(),
});
const declaredPoint = z.object({
  source: z.literal('declared'),
  year: z.number().int(),
  value: z.number(),
  synthetic: z.literal(false),
  qualifier: qualifierSchema,
  label: z.string(),
  citation: z.string(),
});
/** A point computed from the counted answers, or declared by a publication (a year without answers). */
export const pointSchema = z
  .discriminatedUnion('source', [computedPoint, declaredPoint])
  .meta({ id: 'ObservatoryPoint' });
const ofType = { conventionType: z.string() };
export const typePointSchema = z
  .discriminatedUnion('source', [computedPoint.extend(ofType), declaredPoint.extend(ofType)])
  .meta({ id: 'ObservatoryTypePoint' });

export const cellSchema = z
  .object({
    year: z.number().int(),
    conventionType: z.string(),
    department: z.string().nullable(),
    synthetic: z.boolean(),
    value: z.number(),
    answers: z.number().int(),
    median: z.number().nullable(),
  })
  .meta({ id: 'ObservatoryCell' });

export const exitRateSchema = z
  .object({
    year: z.number().int(),
    synthetic: z.boolean(),
    dynamic: z.number(),
    total: z.number(),
    rate: z.number().nullable(),
  })
  .meta({ id: 'ObservatoryExitRate' });

export const dashboardSchema = z
  .object({
    from: z.number().int().nullable(),
    to: z.number().int().nullable(),
    type: z.string().nullable(),
    department: z.string().nullable(),
    // The answer statuses counted.
    counted: countedSchema,
    synthetic: z.boolean(),
    indicators: z.array(
      indicatorInfoSchema
        .extend({
          totals: z.array(pointSchema),
          byType: z.array(typePointSchema),
          cells: z.array(cellSchema),
        })
        .meta({ id: 'ObservatoryIndicatorSeries' }),
    ),
    dynamicExits: z.object({
      byYear: z.array(exitRateSchema),
      byType: z.array(exitRateSchema.extend(ofType).meta({ id: 'ObservatoryTypeExitRate' })),
    }),
  })
  .meta({ id: 'ObservatoryDashboard' });

export const dashboardOptionsSchema = z
  .object({
    indicators: z.array(indicatorInfoSchema),
    years: z.array(z.number().int()),
    syntheticYears: z.array(z.number().int()),
    declaredYears: z.array(z.number().int()),
    types: z.array(conventionTypeSchema),
    departments: z.array(z.string()),
    // The organisations that answered (the staff's picker of the peer position).
    respondents: z.array(z.object({ id: z.uuid(), name: z.string(), types: z.array(z.string()) })),
  })
  .meta({ id: 'ObservatoryDashboardOptions' });

export const positionSchema = z
  .object({
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    year: z.number().int().nullable(),
    conventionType: z.string().nullable(),
    counted: countedSchema,
    minPeers: z.number().int(),
    answers: z.array(
      z.object({ year: z.number().int(), conventionType: z.string(), synthetic: z.boolean() }),
    ),
    synthetic: z.boolean(),
    items: z.array(
      z
        .object({
          code: z.string(),
          label: z.string(),
          unit: z.enum(['count', 'hours', 'euros', 'percent', 'etp']),
          own: z.number().nullable(),
          peers: z.number().int(),
          // Fewer peers than minPeers: the quartiles are not given.
          quartilesHidden: z.boolean(),
          q1: z.number().nullable(),
          median: z.number().nullable(),
          q3: z.number().nullable(),
        })
        .meta({ id: 'ObservatoryPositionItem' }),
    ),
  })
  .meta({ id: 'ObservatoryPosition' });
