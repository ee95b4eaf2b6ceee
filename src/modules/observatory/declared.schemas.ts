/**
 * Request shapes of the observatory's declared aggregates: published figures of years
 * before the system ("59 adhérents", "près de 5 000 personnes"), kept with their source.
 */
import { z } from 'zod';
import { conventionTypeSchema, qualifierSchema, yearSchema } from './dashboard.schemas.ts';

// numeric(16, 2) in the table: anything beyond would not be stored as given.
const MAX = 99_999_999_999_999;

export { type DeclaredQualifier, declaredQualifiers } from './dashboard.schemas.ts';

export const declaredInputSchema = z.strictObject({
  // A net result may be negative; every other figure of the catalogue is not, but a
  // declared aggregate is recorded as its source printed it.
  value: z.number().finite().min(-MAX).max(MAX),
  // "près de 5 000": `about`; a figure printed as is: `exact`.
  qualifier: qualifierSchema.default('exact'),
  label: z.string().trim().min(1).max(300),
  source: z.string().trim().min(1).max(1000),
  // Left out or null: all convention types together.
  conventionType: conventionTypeSchema.nullish(),
});
export type DeclaredInput = z.input<typeof declaredInputSchema>;

// The code is checked by the service (observatory.declared.code_invalid), so that the
// message can say what a code looks like.
export const declaredParamsSchema = z.object({ year: yearSchema, indicatorCode: z.string().max(200) });
export const declaredListQuerySchema = z.object({
  from: yearSchema.optional(),
  to: yearSchema.optional(),
});
export const declaredDeleteQuerySchema = z.object({ conventionType: conventionTypeSchema.optional() });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const declaredAggregateSchema = z
  .object({
    year: z.number().int(),
    indicatorCode: z.string(),
    conventionType: z.string().nullable(),
    value: z.number(),
    qualifier: qualifierSchema,
    label: z.string(),
    source: z.string(),
    // The service gives it as an ISO string (the dashboard and the report read it so).
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ObservatoryDeclaredAggregate' });

export const declaredListSchema = z
  .object({ items: z.array(declaredAggregateSchema) })
  .meta({ id: 'ObservatoryDeclaredList' });
