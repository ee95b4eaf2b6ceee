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
