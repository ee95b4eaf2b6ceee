/**
 * What the federation's routes take and answer, shared with the web app: only `zod` here.
 * Each answer is aggregates or public data: no delegation's private record leaves through
 * them (decision 020).
 */
import { z } from 'zod';
import {
  conventionTypeSchema,
  departmentSchema,
  indicatorCodePattern,
} from '../observatory/dashboard.schemas.ts';

export const federationYearSchema = z.coerce.number().int().min(2000).max(2100);

export const federationYearQuerySchema = z.object({ year: federationYearSchema.optional() });

const completenessCountsSchema = z.object({
  not_started: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  correction_requested: z.number().int(),
  validated: z.number().int(),
  total: z.number().int(),
});

/** One delegation and its key figures, as the federation's list shows them. */
export const federationDelegationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  createdAt: z.string(),
  members: z.object({
    /** Counting units of the year (decision 007), as the activity report counts them. */
    total: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
  }),
  /** The open observatory campaign (the latest if several), with its forms by status. */
  campaign: z
    .object({
      id: z.string(),
      year: z.number().int(),
      title: z.string(),
      deadline: z.string().nullable(),
      counts: completenessCountsSchema,
      /** Validated forms over expected forms, 0 to 100 (null without expected forms). */
      completeness: z.number().nullable(),
    })
    .nullable(),
  report: z.object({ year: z.number().int(), frozen: z.boolean(), frozenAt: z.string().nullable() }),
  /** The latest change recorded in the delegation's history (null: nothing yet). */
  lastActivity: z.string().nullable(),
});
export type FederationDelegation = z.infer<typeof federationDelegationSchema>;

export const federationDelegationsSchema = z.object({
  year: z.number().int(),
  items: z.array(federationDelegationSchema),
});

export const federationCreatedSchema = z.object({
  delegation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  /** The invitation went to this address; its link travels by e-mail only. */
  invitedEmail: z.string(),
});

export const federationDirectoryQuerySchema = z.object({
  q: z.string().max(200).optional(),
  type: conventionTypeSchema.optional(),
  department: departmentSchema.optional(),
  delegation: z.string().max(100).optional(),
});

export const federationDirectoryEntrySchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  types: z.array(z.string()),
  department: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  delegation: z.object({ slug: z.string(), name: z.string() }),
});
export const federationDirectorySchema = z.object({
  items: z.array(federationDirectoryEntrySchema),
  total: z.number().int(),
});

const DEFAULT_INDICATORS = ['membersAnswering', 'persons', 'revenue'];
export const federationObservatoryQuerySchema = z.object({
  indicators: z
    .string()
    .max(1000)
    .optional()
    .transform((text) =>
      text === undefined
        ? DEFAULT_INDICATORS
        : [...new Set(text.split(',').map((code) => code.trim()))].filter(Boolean),
    )
    .pipe(z.array(z.string().regex(indicatorCodePattern)).min(1).max(10)),
  from: federationYearSchema.optional(),
  to: federationYearSchema.optional(),
});

const rollupPointSchema = z.object({
  year: z.number().int(),
  source: z.enum(['computed', 'declared']),
  synthetic: z.boolean(),
  value: z.number(),
  /** Answers counted (computed points only; 0 for declared). */
  answers: z.number().int(),
  /** Delegations whose value is in the sum, by name. */
  delegations: z.array(z.string()),
});
export const federationObservatorySchema = z.object({
  delegations: z.number().int(),
  indicators: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string().nullable(),
      totals: z.array(rollupPointSchema),
    }),
  ),
});

export const federationReportParamsSchema = z.object({ year: federationYearSchema });
export const federationReportDownloadQuerySchema = z.object({
  format: z.enum(['html', 'pdf', 'docx', 'json']),
});

const keyFigureSchema = z.object({
  value: z.number().nullable(),
  unit: z.string(),
  label: z.string(),
  source: z.enum(['computed', 'declared']),
  from: z.string(),
  group: z.string(),
  synthetic: z.boolean().optional(),
  qualifier: z.string().optional(),
});
/** The national report's summary; the whole report is downloaded (HTML, PDF, DOCX, JSON). */
export const federationReportSchema = z.object({
  year: z.number().int(),
  name: z.string(),
  members: z.object({
    total: z.number().int(),
    organisations: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
  }),
  keyFigures: z.record(z.string(), keyFigureSchema),
  delegations: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      membersTotal: z.number().int(),
      actions: z.number().int(),
    }),
  ),
});
