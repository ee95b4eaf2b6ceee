import { z } from 'zod';
import { declaredFigureAnswer } from '../trainings/trainings.schemas.ts';

const isoDate = z.iso.date();
const label = z.string().trim().min(1).max(200);
const longText = z.string().max(4000).nullish();
const gridId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);

export const certificationInputSchema = z.strictObject({
  // null: the delegation's own certification.
  organisationId: z.uuid().nullable(),
  label,
  body: z.string().trim().max(200).nullish(),
  status: z.enum(['in_progress', 'certified', 'expired', 'withdrawn']),
  obtainedOn: isoDate.nullish(),
  expiresOn: isoDate.nullish(),
  note: longText,
  source: longText,
});
export type CertificationInput = z.infer<typeof certificationInputSchema>;

export const auditInputSchema = z.strictObject({
  kind: z.enum(['initial', 'follow_up', 'renewal']),
  heldOn: isoDate,
  datePrecision: z.enum(['day', 'month', 'year']).default('day'),
  result: z.enum(['pending', 'passed', 'passed_with_reservations', 'failed']),
  note: longText,
  source: longText,
});
export type AuditInput = z.infer<typeof auditInputSchema>;

export const certificationsQuerySchema = z.object({
  organisationId: z.uuid().optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  // Fixed by tests and reports; the server's date otherwise.
  today: isoDate.optional(),
});

export const gridInputSchema = z.strictObject({
  name: label,
  active: z.enum(['active', 'archived']).default('active'),
  pillars: z
    .array(
      z.strictObject({
        id: gridId,
        label,
        criteria: z
          .array(
            z.strictObject({
              id: gridId,
              label,
              guidance: z.string().max(2000).optional(),
              levels: z
                .array(
                  z.strictObject({
                    level: z.number().int().min(1).max(10),
                    label,
                    description: z.string().max(2000).optional(),
                  }),
                )
                .min(2)
                .max(10),
            }),
          )
          .min(1)
          .max(30),
      }),
    )
    .min(1)
    .max(20),
});
export type GridInput = z.infer<typeof gridInputSchema>;

const answers = z.record(z.string().max(40), z.number().int().min(1).max(10));

export const assessmentCreateSchema = z.strictObject({
  // A member's own organisation when left out.
  organisationId: z.uuid().optional(),
  gridId: z.uuid(),
  assessedOn: isoDate,
  answers: answers.default({}),
});
export const assessmentUpdateSchema = z.strictObject({
  assessedOn: isoDate.optional(),
  answers: answers.optional(),
});

export const progressActionInputSchema = z.strictObject({
  organisationId: z.uuid().optional(),
  assessmentId: z.uuid().nullish(),
  criterionId: z.string().max(40).nullish(),
  title: label,
  owner: z.string().trim().max(200).nullish(),
  dueOn: isoDate.nullish(),
  status: z.enum(['planned', 'in_progress', 'done', 'dropped']).default('planned'),
});
export const progressActionUpdateSchema = progressActionInputSchema.omit({ organisationId: true }).partial();
export type ProgressActionInput = z.infer<typeof progressActionInputSchema>;

export const cohortInputSchema = z.strictObject({
  name: label,
  programme: label,
  startsOn: isoDate.nullish(),
  description: longText,
  source: longText,
});
export type CohortInput = z.infer<typeof cohortInputSchema>;

export const cohortMembersSchema = z.strictObject({ organisationIds: z.array(z.uuid()).max(500) });
export const cohortSessionsSchema = z.strictObject({ actionIds: z.array(z.uuid()).max(500) });

export const organisationQuerySchema = z.object({ organisationId: z.uuid().optional() });
export const idParams = z.object({ id: z.uuid() });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(1990).max(2100) });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const qualityCohortSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    programme: z.string(),
    startsOn: z.iso.date().nullable(),
    description: z.string().nullable(),
    source: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'QualityCohortRecord' });

export const qualityCohortWithPartsSchema = qualityCohortSchema
  .extend({
    members: z.array(z.object({ id: z.uuid(), name: z.string() })),
    sessions: z.array(z.object({ id: z.uuid(), title: z.string(), startsOn: z.iso.date() })),
  })
  .meta({ id: 'QualityCohort' });

export const qualityCohortListSchema = z
  .array(qualityCohortWithPartsSchema)
  .meta({ id: 'QualityCohortList' });

export const certificationStatusSchema = certificationInputSchema.shape.status.meta({
  id: 'QualityCertificationStatus',
});
export const auditKindSchema = auditInputSchema.shape.kind.meta({ id: 'QualityAuditKind' });
export const auditResultSchema = auditInputSchema.shape.result.meta({ id: 'QualityAuditResult' });

export const qualityAuditSchema = z
  .object({
    id: z.uuid(),
    certificationId: z.uuid(),
    kind: auditKindSchema,
    heldOn: z.iso.date(),
    datePrecision: z.enum(['day', 'month', 'year']),
    result: auditResultSchema,
    note: z.string().nullable(),
    source: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'QualityAudit' });

export const qualityCertificationRecordSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid().nullable(),
    label: z.string(),
    body: z.string().nullable(),
    status: certificationStatusSchema,
    obtainedOn: z.iso.date().nullable(),
    expiresOn: z.iso.date().nullable(),
    note: z.string().nullable(),
    source: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'QualityCertificationRecord' });

export const qualityCertificationDetailSchema = qualityCertificationRecordSchema
  .extend({ audits: z.array(qualityAuditSchema) })
  .meta({ id: 'QualityCertificationDetail' });

export const qualityCertificationSchema = qualityCertificationRecordSchema
  .extend({
    organisationName: z.string().nullable(),
    daysToExpiry: z.number().int().nullable(),
    audits: z.array(qualityAuditSchema),
  })
  .meta({ id: 'QualityCertification' });

export const qualityCertificationListSchema = z
  .array(qualityCertificationSchema)
  .meta({ id: 'QualityCertificationList' });

export const qualityCertificationStatsSchema = z
  .object({
    year: z.number().int(),
    certificationRenewals: z.number().int(),
    declared: declaredFigureAnswer.nullable(),
  })
  .meta({ id: 'QualityCertificationStats' });

export const progressActionStatusSchema = progressActionInputSchema.shape.status
  .unwrap()
  .meta({ id: 'QualityProgressActionStatus' });

export const qualityProgressActionRecordSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    assessmentId: z.uuid().nullable(),
    criterionId: z.string().nullable(),
    title: z.string(),
    owner: z.string().nullable(),
    dueOn: z.iso.date().nullable(),
    status: progressActionStatusSchema,
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'QualityProgressActionRecord' });

export const qualityProgressActionListSchema = z
  .array(qualityProgressActionRecordSchema.extend({ organisationName: z.string() }))
  .meta({ id: 'QualityProgressActionList' });

export const qualityGridSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    version: z.number().int(),
    active: z.enum(['active', 'archived']),
    pillars: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        criteria: z.array(
          z.object({
            id: z.string(),
            label: z.string(),
            guidance: z.string().optional(),
            levels: z.array(
              z.object({ level: z.number().int(), label: z.string(), description: z.string().optional() }),
            ),
          }),
        ),
      }),
    ),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'QualityGrid' });

export const qualityGridListSchema = z.array(qualityGridSchema).meta({ id: 'QualityGridList' });

const scoresSchema = z.record(z.string(), z.number());

/** One self-assessment: its answers (question → level) and, once done, its score per pillar. */
export const qualityAssessmentSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    gridId: z.uuid(),
    assessedOn: z.iso.date(),
    status: z.enum(['draft', 'done']),
    answers: scoresSchema,
    scores: scoresSchema,
  })
  .meta({ id: 'QualityAssessment' });

/** The list also names the organisation and the grid. */
export const qualityAssessmentListSchema = z
  .array(qualityAssessmentSchema.extend({ organisationName: z.string(), gridName: z.string() }))
  .meta({ id: 'QualityAssessmentList' });

/** An organisation's completed assessments in order, each with its change per pillar since the previous one. */
export const qualityProgressSchema = z
  .object({
    organisationId: z.uuid(),
    items: z.array(
      z.object({
        id: z.uuid(),
        gridId: z.uuid(),
        gridName: z.string(),
        assessedOn: z.iso.date(),
        scores: scoresSchema,
        changes: z.record(z.string(), z.number().nullable()),
        pillars: z.array(z.object({ id: z.string(), label: z.string() })),
      }),
    ),
  })
  .meta({ id: 'QualityProgress' });
