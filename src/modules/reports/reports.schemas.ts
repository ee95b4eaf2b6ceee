import { z } from 'zod';
import { REPORT_FORMATS } from './report.types.ts';

// Digits first, then the range: a missing year says "obligatoire", "20x4" says "format", 1789 "too small".
export const reportYearSchema = z
  .string()
  .regex(/^\d{1,4}$/)
  .pipe(z.coerce.number<string>().int().min(1990).max(2100));
export const reportFormatSchema = z.enum(REPORT_FORMATS as ['html', 'pdf', 'docx', 'json']);

/** Longest texts accepted: a president's word fills a page or two, not a book. */
export const TEXT_LIMITS = { presidentWord: 20_000, presidentSignature: 200, priorities: 20_000 } as const;

export const reportTextsInputSchema = z.strictObject({
  presidentWord: z.string().max(TEXT_LIMITS.presidentWord),
  presidentSignature: z.string().trim().max(TEXT_LIMITS.presidentSignature),
  priorities: z.string().max(TEXT_LIMITS.priorities),
});
export type ReportTextsInput = z.infer<typeof reportTextsInputSchema>;

export const reportYearParamsSchema = z.object({ year: reportYearSchema });
export const reportDownloadQuerySchema = z.object({ format: reportFormatSchema });
export const reportRenderBodySchema = z.strictObject({ format: reportFormatSchema });
export const reportCompareQuerySchema = z.object({ from: reportYearSchema, to: reportYearSchema });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name. They
// describe report.types.ts (what the renderers draw); the routes' type check keeps them in step.

export const reportFigureUnitSchema = z
  .enum(['count', 'people', 'hours', 'euros', 'percent'])
  .meta({ id: 'ReportFigureUnit' });
export const reportFigureGroupSchema = z
  .enum([
    'members',
    'observatory',
    'trainings',
    'practiceGroups',
    'support',
    'programmes',
    'funders',
    'events',
  ])
  .meta({ id: 'ReportFigureGroup' });

const frozenSchema = z.object({ at: z.iso.datetime(), by: z.string().nullable() }).nullable();

export const reportKeyFigureSchema = z
  .object({
    value: z.number().nullable(),
    unit: reportFigureUnitSchema,
    label: z.string(),
    source: z.enum(['computed', 'declared']),
    from: z.string(),
    group: reportFigureGroupSchema,
    synthetic: z.boolean().optional(),
    qualifier: z.enum(['exact', 'at_least', 'about']).optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'ReportKeyFigure' });

export const reportTextsSchema = z
  .object({ presidentWord: z.string(), presidentSignature: z.string(), priorities: z.string() })
  .meta({ id: 'ReportTexts' });

export const reportTextsStateSchema = z
  .object({ ...reportTextsSchema.shape, year: z.number().int(), frozen: frozenSchema })
  .meta({ id: 'ReportTextsState' });

const organisationSchema = z.object({
  name: z.string(),
  types: z.array(z.string()),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

const actionSchema = z.object({
  id: z.string(),
  date: z.string(),
  datePrecision: z.enum(['day', 'month']),
  title: z.string(),
  summary: z.string().nullable(),
  kind: z.string(),
  kindCode: z.string().optional(),
  place: z.string().nullable(),
  participants: z
    .object({ value: z.number(), qualifier: z.string().nullable(), label: z.string() })
    .nullable(),
  partners: z.array(z.string()),
  members: z.array(z.string()),
});

/** The year's activity report, as assembled now or as frozen (older snapshots lack the later optional fields). */
export const annualReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    year: z.number().int(),
    scope: z.enum(['delegation', 'national']),
    generatedAt: z.string(),
    frozen: frozenSchema,
    delegation: z.object({
      slug: z.string(),
      name: z.string(),
      network: z.string().nullable(),
      region: z.string().nullable(),
      departmentsCovered: z.array(z.object({ code: z.string(), name: z.string() })),
      addresses: z.array(z.object({ line: z.string(), postcode: z.string(), city: z.string() })),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      website: z.string().nullable(),
      missions: z.array(z.object({ code: z.string(), label: z.string() })),
      objectives: z.array(z.object({ number: z.number().nullable(), axis: z.string(), text: z.string() })),
      tagline: z.string().nullish(),
    }),
    texts: reportTextsSchema,
    members: z.object({
      total: z.number(),
      byType: z.record(z.string(), z.number()),
      organisations: z.number(),
      byDepartment: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          count: z.number(),
          organisations: z.array(organisationSchema),
        }),
      ),
    }),
    board: z.array(
      z.object({
        person: z.string(),
        role: z.string(),
        roleCode: z
          .enum(['president', 'vice_president', 'treasurer', 'secretary', 'bureau_member'])
          .nullish(),
        organisation: z.string().nullable(),
        department: z.string().nullable(),
        nationalRepresentative: z.boolean(),
      }),
    ),
    assembly: z.object({ date: z.string(), place: z.string().nullable() }).nullable(),
    staff: z.array(z.object({ person: z.string(), title: z.string(), missions: z.array(z.string()) })),
    keyFigures: z.record(z.string(), reportKeyFigureSchema),
    chronicle: z.array(
      z.object({ month: z.number().int(), label: z.string(), actions: z.array(actionSchema) }),
    ),
    partners: z.array(z.object({ name: z.string(), kind: z.string().nullable() })),
    delegations: z
      .array(z.object({ slug: z.string(), name: z.string(), membersTotal: z.number(), actions: z.number() }))
      .optional(),
  })
  .meta({ id: 'AnnualReport' });

export const reportComparisonSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    items: z.array(
      z
        .object({
          id: z.string(),
          label: z.string(),
          unit: reportFigureUnitSchema,
          from: z.number().nullable(),
          to: z.number().nullable(),
          delta: z.number().nullable(),
          trend: z.enum(['up', 'down', 'same', 'unknown']),
        })
        .meta({ id: 'ReportFigureComparison' }),
    ),
  })
  .meta({ id: 'ReportComparison' });

export const reportFreezeSchema = z
  .object({ year: z.number().int(), frozen: frozenSchema })
  .meta({ id: 'ReportFreeze' });

/** One line of the generation's answer (`application/x-ndjson`): a step, the file, or the failure. */
export const reportStreamLineSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('progress'),
      phase: z.enum(['data', 'render']),
      step: z.string(),
      label: z.string(),
      done: z.number(),
      total: z.number(),
    }),
    z.object({ type: z.literal('done'), filename: z.string(), contentType: z.string(), base64: z.string() }),
    z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  ])
  .meta({ id: 'ReportStreamLine' });
export type ReportStreamLine = z.infer<typeof reportStreamLineSchema>;

const binary = z.string().meta({ format: 'binary' });

/** The report as a file, in the format asked (`?format=`). */
export const reportFile = {
  description: 'Le rapport : page HTML, PDF, DOCX ou JSON selon le format demandé',
  content: {
    'text/html': { schema: z.string() },
    'application/pdf': { schema: binary },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary },
    'application/json': { schema: annualReportSchema },
  },
};

/** The generation's progress then its file, one JSON line each, as they come. */
export const reportStream = {
  description: 'Étapes de la génération puis le fichier (base64), une ligne JSON chacune',
  content: { 'application/x-ndjson': { schema: reportStreamLineSchema } },
};
