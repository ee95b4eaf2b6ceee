import { z } from 'zod';
import { conventionTypes } from '../members/members.table.ts';

const isoDate = z.iso.date();
const severity = z.enum(['error', 'warning']);
// numeric(16, 2): fourteen digits before the decimal point.
const MAX_VALUE = 99_999_999_999_999;

export const indicatorCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
export const indicatorSections = [
  'activity',
  'people',
  'entrants',
  'staff',
  'economy',
  'exits',
  'other',
] as const;
export const indicatorUnits = ['count', 'hours', 'euros', 'percent', 'etp'] as const;
export const campaignStatuses = ['draft', 'open', 'closed'] as const;
export const submissionStatuses = ['draft', 'submitted', 'correction_requested', 'validated'] as const;

export const campaignCreateSchema = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  title: z.string().trim().min(1).max(200),
  opensOn: isoDate,
  deadline: isoDate,
});
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

export const campaignPatchSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  opensOn: isoDate.optional(),
  deadline: isoDate.optional(),
  status: z.enum(campaignStatuses).optional(),
});
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;

const finite = z.number().finite().min(-MAX_VALUE).max(MAX_VALUE);

// The shapes of IndicatorRule (observatory.table.ts); references between codes are checked in rules.catalogue.ts.
export const indicatorRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('range'), min: finite.optional(), max: finite.optional(), severity }),
  z.strictObject({ kind: z.literal('integer'), severity: z.literal('error') }),
  z.strictObject({
    kind: z.literal('sum'),
    parts: z.array(indicatorCodeSchema).min(1).max(20),
    severity,
  }),
  z.strictObject({
    kind: z.literal('ratio'),
    of: indicatorCodeSchema,
    divisor: z.number().finite().positive().max(MAX_VALUE),
    tolerance: z.number().finite().min(0).max(1),
    severity,
  }),
  z.strictObject({ kind: z.literal('atMost'), of: indicatorCodeSchema, severity }),
  z.strictObject({
    kind: z.literal('change'),
    ratio: z.number().finite().positive().max(100),
    severity: z.literal('warning'),
  }),
]);

export const indicatorInputSchema = z.strictObject({
  code: indicatorCodeSchema,
  label: z.string().trim().min(1).max(200),
  definition: z.string().trim().max(2000).nullish(),
  section: z.enum(indicatorSections),
  unit: z.enum(indicatorUnits),
  appliesTo: z.array(z.enum(conventionTypes)).max(conventionTypes.length).default([]),
  required: z.boolean().default(false),
  rules: z.array(indicatorRuleSchema).max(20).default([]),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

export const indicatorPatchSchema = z.strictObject({
  code: indicatorCodeSchema.optional(),
  label: z.string().trim().min(1).max(200).optional(),
  definition: z.string().trim().max(2000).nullish(),
  section: z.enum(indicatorSections).optional(),
  unit: z.enum(indicatorUnits).optional(),
  appliesTo: z.array(z.enum(conventionTypes)).max(conventionTypes.length).optional(),
  required: z.boolean().optional(),
  rules: z.array(indicatorRuleSchema).max(20).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;

/** Entered figures by indicator code; null removes a figure. */
export const valuesSchema = z.record(indicatorCodeSchema, finite.nullable());
export type ValuesInput = z.infer<typeof valuesSchema>;

export const valuesInputSchema = z.strictObject({ values: valuesSchema });

export const formCreateSchema = z.strictObject({
  conventionType: z.enum(conventionTypes),
  // Staff name the member; a member user answers for its own organisation.
  organisationId: z.uuid().optional(),
  values: valuesSchema.optional(),
});

export const submitSchema = z.strictObject({
  confirmWarnings: z.record(indicatorCodeSchema, z.string().trim().max(2000)).default({}),
});

export const correctionSchema = z.strictObject({ comment: z.string().trim().min(1).max(2000) });

export const idParamsSchema = z.object({ id: z.uuid() });
export const indicatorParamsSchema = z.object({ id: z.uuid(), indicatorId: z.uuid() });
export const documentParamsSchema = z.object({ id: z.uuid(), docId: z.uuid() });
export const formParamsSchema = z.object({ id: z.uuid(), conventionType: z.enum(conventionTypes) });
export const organisationQuerySchema = z.object({ organisationId: z.uuid().optional() });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const observatoryDocumentSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'ObservatoryDocument' });

export const observatoryDocumentListSchema = z
  .object({ items: z.array(observatoryDocumentSchema) })
  .meta({ id: 'ObservatoryDocumentList' });

export const observatoryIndicatorRuleSchema = indicatorRuleSchema.meta({ id: 'ObservatoryIndicatorRule' });

export const observatoryCampaignSchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    title: z.string(),
    opensOn: isoDate,
    deadline: isoDate,
    status: z.enum(campaignStatuses),
    // Generated figures (demo), labelled as such wherever shown.
    synthetic: z.boolean(),
    lastReminderOn: isoDate.nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ObservatoryCampaign' });

export const observatoryCampaignListSchema = z
  .object({
    items: z.array(
      observatoryCampaignSchema.extend({ indicatorCount: z.number().int() }).meta({
        id: 'ObservatoryCampaignListItem',
      }),
    ),
  })
  .meta({ id: 'ObservatoryCampaignList' });

export const observatoryIndicatorSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    label: z.string(),
    definition: z.string().nullable(),
    section: z.enum(indicatorSections),
    unit: z.enum(indicatorUnits),
    // Convention types it applies to; empty = every type.
    appliesTo: z.array(z.enum(conventionTypes)),
    required: z.boolean(),
    rules: z.array(observatoryIndicatorRuleSchema),
    position: z.number().int(),
  })
  .meta({ id: 'ObservatoryIndicator' });

export const observatoryCampaignDetailSchema = observatoryCampaignSchema
  .extend({
    indicators: z.array(observatoryIndicatorSchema),
    // Set on creation only: the campaign whose catalogue was copied.
    copiedFrom: z.object({ id: z.uuid(), year: z.number().int() }).nullable().optional(),
  })
  .meta({ id: 'ObservatoryCampaignDetail' });

const formStatuses = ['not_started', ...submissionStatuses] as const;
export const observatoryFormStatusSchema = z.enum(formStatuses).meta({ id: 'ObservatoryFormStatus' });

export const observatoryCampaignSummarySchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    title: z.string(),
    deadline: isoDate,
    status: z.enum(campaignStatuses),
  })
  .meta({ id: 'ObservatoryCampaignSummary' });

export const observatoryCompletenessSchema = z
  .object({
    campaign: observatoryCampaignSummarySchema,
    counts: z.object({
      not_started: z.number().int(),
      draft: z.number().int(),
      submitted: z.number().int(),
      correction_requested: z.number().int(),
      validated: z.number().int(),
      total: z.number().int(),
    }),
    items: z.array(
      z
        .object({
          organisationId: z.uuid(),
          organisationName: z.string(),
          conventionType: z.string(),
          department: z.string().nullable(),
          submissionId: z.uuid().nullable(),
          status: observatoryFormStatusSchema,
          updatedAt: z.string().nullable(),
          submittedAt: z.string().nullable(),
          valueCount: z.number().int(),
          indicatorCount: z.number().int(),
        })
        .meta({ id: 'ObservatoryCompletenessRow' }),
    ),
  })
  .meta({ id: 'ObservatoryCompleteness' });

const findingKinds = ['range', 'integer', 'sum', 'ratio', 'atMost', 'change', 'required', 'number'] as const;
export const observatoryFindingSchema = z
  .object({
    code: z.string(),
    kind: z.enum(findingKinds),
    severity,
    message: z.string(),
  })
  .meta({ id: 'ObservatoryFinding' });

const figures = z.record(z.string(), z.number());

export const observatoryFormSchema = z
  .object({
    // Null until the form's first save.
    id: z.uuid().nullable(),
    campaign: observatoryCampaignSummarySchema.extend({ synthetic: z.boolean() }),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    conventionType: z.string(),
    department: z.string().nullable(),
    status: observatoryFormStatusSchema,
    submittedAt: z.iso.datetime().nullable(),
    submittedByName: z.string().nullable(),
    validatedAt: z.iso.datetime().nullable(),
    validatedByName: z.string().nullable(),
    correctionComment: z.string().nullable(),
    // The comments confirming warnings, by indicator code.
    confirmedWarnings: z.record(z.string(), z.string()),
    updatedAt: z.iso.datetime().nullable(),
    canEdit: z.boolean(),
    indicators: z.array(
      observatoryIndicatorSchema
        .pick({
          code: true,
          label: true,
          definition: true,
          section: true,
          unit: true,
          required: true,
          position: true,
          rules: true,
        })
        .meta({ id: 'ObservatoryFormIndicator' }),
    ),
    values: figures,
    // The organisation's answered figures of the year before, same convention type.
    previous: z.object({ year: z.number().int(), values: figures }),
    check: z.object({
      errors: z.array(observatoryFindingSchema),
      warnings: z.array(observatoryFindingSchema),
    }),
  })
  .meta({ id: 'ObservatoryForm' });

export const observatoryFormListSchema = z
  .object({
    campaign: observatoryCampaignSummarySchema,
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    forms: z.array(
      z
        .object({
          conventionType: z.string(),
          department: z.string().nullable(),
          submissionId: z.uuid().nullable(),
          status: observatoryFormStatusSchema,
          updatedAt: z.iso.datetime().nullable(),
          valueCount: z.number().int(),
          indicatorCount: z.number().int(),
        })
        .meta({ id: 'ObservatoryFormSummary' }),
    ),
  })
  .meta({ id: 'ObservatoryFormList' });

const historyBase = {
  id: z.number().int(),
  at: z.iso.datetime(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
};
export const observatoryHistorySchema = z
  .object({
    items: z.array(
      z
        .discriminatedUnion('kind', [
          z.object({
            ...historyBase,
            kind: z.literal('value'),
            indicatorCode: z.string(),
            before: z.number().nullable(),
            after: z.number().nullable(),
          }),
          z.object({
            ...historyBase,
            kind: z.literal('status'),
            before: observatoryFormStatusSchema.nullable(),
            after: observatoryFormStatusSchema,
            comment: z.string().nullable(),
          }),
        ])
        .meta({ id: 'ObservatoryHistoryEntry' }),
    ),
  })
  .meta({ id: 'ObservatoryHistory' });
