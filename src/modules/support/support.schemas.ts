import { z } from 'zod';
import type { FieldAudiences } from '../../server/audiences.ts';
import {
  type supportFiles,
  type supportNotes,
  supportStatuses,
  supportSubjects,
  type supportTimeEntries,
} from './support.table.ts';

/**
 * Support-file fields that are the team's only: the internal description ("Visible par
 * l'équipe seulement"), the time spent and its purpose, the notes. The board and the
 * member read the rest of the file (subject, status, next step, documents).
 * See src/server/audiences.ts.
 */
export const supportFileAudiences = {
  description: 'team',
  totalMinutes: 'team',
} as const satisfies FieldAudiences<typeof supportFiles.$inferSelect & { totalMinutes: number }>;
export const supportTimeEntryAudiences = {
  minutes: 'team',
  note: 'team',
} as const satisfies FieldAudiences<typeof supportTimeEntries.$inferSelect>;
export const supportNoteAudiences = { body: 'team' } as const satisfies FieldAudiences<
  typeof supportNotes.$inferSelect
>;

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
const isoDate = z.iso.date();
const userId = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const closedStatuses = ['done', 'abandoned'] as const;
export const openStatuses = ['open', 'in_progress', 'waiting'] as const;

export const fileInputSchema = z.strictObject({
  organisationId: z.uuid(),
  subject: z.enum(supportSubjects),
  title: z.string().trim().min(1).max(300),
  // Left out: the caller owns the file; null: nobody yet.
  ownerUserId: userId.nullish(),
  status: z.enum(supportStatuses).optional(),
  openedOn: isoDate.optional(),
  dueOn: isoDate.nullish(),
  nextStep: optionalText(1000),
  closedOn: isoDate.nullish(),
  description: optionalText(10_000),
});
export type FileInput = z.infer<typeof fileInputSchema>;

// A file stays with its member: moving it would move its notes and documents with it.
export const filePatchSchema = fileInputSchema.omit({ organisationId: true }).partial();
export type FilePatch = z.infer<typeof filePatchSchema>;

export const fileListQuerySchema = z.object({
  organisationId: z.uuid().optional(),
  subject: z.enum(supportSubjects).optional(),
  status: z.enum(supportStatuses).optional(),
  ownerUserId: userId.optional(),
  year: yearSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
});
export type FileListQuery = z.infer<typeof fileListQuerySchema>;

export const idParamsSchema = z.object({ id: z.uuid() });
export const entryParamsSchema = z.object({ id: z.uuid(), entryId: z.uuid() });
export const documentParamsSchema = z.object({ id: z.uuid(), docId: z.uuid() });

// The range of `minutes` is checked by the service, which names it in French.
export const timeEntryInputSchema = z.strictObject({
  spentOn: isoDate,
  minutes: z.number().int(),
  note: optionalText(1000),
});
export type TimeEntryInput = z.infer<typeof timeEntryInputSchema>;

export const noteInputSchema = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

export const dashboardQuerySchema = z.object({ ownerUserId: userId.optional() });
export const yearQuerySchema = z.object({ year: yearSchema });
export const yearParamsSchema = z.object({ year: yearSchema });
export const interviewParamsSchema = z.object({ year: yearSchema, organisationId: z.uuid() });

export const questionKinds = ['text', 'long_text', 'number', 'yes_no', 'choice', 'scale'] as const;

export const questionSchema = z
  .strictObject({
    // Its format is checked by the service, with a French message naming it.
    id: z.string().trim().min(1).max(60),
    label: z.string().trim().min(1).max(500),
    kind: z.enum(questionKinds).meta({ id: 'SupportQuestionKind' }),
    options: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
    required: z.boolean().optional(),
    help: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'SupportQuestion' });

export const templateInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  questions: z.array(questionSchema).min(1).max(200),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const answerValueSchema = z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const interviewInputSchema = z.strictObject({
  answers: z.record(z.string().max(60), answerValueSchema),
  status: z.enum(['draft', 'done']),
  heldOn: isoDate.nullish(),
  interviewerUserId: userId.nullish(),
});
export type InterviewInput = z.infer<typeof interviewInputSchema>;

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name. The
// team-only fields (audiences above) are optional: the board and members get them left out.

export const supportSubjectSchema = z.enum(supportSubjects).meta({ id: 'SupportSubject' });
export const supportStatusSchema = z.enum(supportStatuses).meta({ id: 'SupportStatus' });

export const supportOwnerSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'SupportOwner' });

export const supportDocumentSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedByName: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'SupportDocument' });

/** The document just kept, as the upload answers it. */
export const supportUploadedDocumentSchema = supportDocumentSchema
  .omit({ uploadedByName: true })
  .meta({ id: 'SupportUploadedDocument' });

export const supportTimeEntrySchema = z
  .object({
    id: z.uuid(),
    userId: z.string().nullable(),
    spentOn: isoDate,
    minutes: z.number().int(),
    note: z.string().nullable(),
  })
  .meta({ id: 'SupportTimeEntry' });

export const supportNoteSchema = z
  .object({ id: z.uuid(), authorUserId: z.string().nullable(), body: z.string(), createdAt: z.date() })
  .meta({ id: 'SupportNote' });

export const supportFileSummarySchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    subject: supportSubjectSchema,
    title: z.string(),
    ownerUserId: z.string().nullable(),
    ownerName: z.string().nullable(),
    status: supportStatusSchema,
    openedOn: isoDate,
    dueOn: isoDate.nullable(),
    nextStep: z.string().nullable(),
    closedOn: isoDate.nullable(),
    overdue: z.boolean(),
    description: z.string().nullable().optional(),
    totalMinutes: z.number().int().optional(),
  })
  .meta({ id: 'SupportFileSummary' });

export const supportFileListSchema = z
  .object({ items: z.array(supportFileSummarySchema), total: z.number().int() })
  .meta({ id: 'SupportFileList' });

export const supportFileSchema = supportFileSummarySchema
  .extend({
    documents: z.array(supportDocumentSchema),
    timeEntries: z.array(supportTimeEntrySchema.extend({ userName: z.string().nullable() })).optional(),
    time: z
      .object({
        totalMinutes: z.number().int(),
        byUser: z.array(
          z.object({ userId: z.string().nullable(), name: z.string().nullable(), minutes: z.number().int() }),
        ),
      })
      .optional(),
    notes: z.array(supportNoteSchema.extend({ authorName: z.string().nullable() })).optional(),
  })
  .meta({ id: 'SupportFile' });

const perStatus = z.object(
  Object.fromEntries(supportStatuses.map((status) => [status, z.number().int()])) as Record<
    (typeof supportStatuses)[number],
    z.ZodNumber
  >,
);

export const supportDashboardSchema = z
  .object({
    owner: supportOwnerSchema,
    today: isoDate,
    overdue: z.array(supportFileSummarySchema),
    dueSoon: z.array(supportFileSummarySchema),
    later: z.array(supportFileSummarySchema),
    minutesThisMonth: z.number().int(),
    countsByStatus: perStatus,
  })
  .meta({ id: 'SupportDashboard' });

export const supportStatsSchema = z
  .object({
    year: z.number().int(),
    subjects: z.array(
      z.object({
        subject: supportSubjectSchema,
        files: z.number().int(),
        byStatus: perStatus,
        members: z.number().int(),
        minutes: z.number().int(),
      }),
    ),
    fsePlusMembers: z.number().int(),
    totals: z.object({
      files: z.number().int(),
      members: z.number().int(),
      minutes: z.number().int(),
      hours: z.number(),
    }),
  })
  .meta({ id: 'SupportStats' });

export const interviewTemplateSchema = z
  .object({ id: z.uuid(), year: z.number().int(), title: z.string(), questions: z.array(questionSchema) })
  .meta({ id: 'SupportInterviewTemplate' });

export const interviewStatusSchema = z
  .enum(['not_started', 'draft', 'done'])
  .meta({ id: 'SupportInterviewStatus' });

export const interviewYearSchema = z
  .object({
    year: z.number().int(),
    template: z.object({ id: z.uuid(), title: z.string(), questions: z.number().int() }).nullable(),
    items: z.array(
      z.object({
        organisationId: z.uuid(),
        organisationName: z.string(),
        status: interviewStatusSchema,
        heldOn: isoDate.nullable(),
        interviewerName: z.string().nullable(),
        completedAt: z.date().nullable(),
        answered: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'SupportInterviewYear' });

export const interviewRecordSchema = z
  .object({
    year: z.number().int(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    template: z.object({ id: z.uuid(), title: z.string(), questions: z.array(questionSchema) }),
    interview: z
      .object({
        status: z.enum(['draft', 'done']),
        answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
        heldOn: isoDate.nullable(),
        interviewerUserId: z.string().nullable(),
        interviewerName: z.string().nullable(),
        completedAt: z.date().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'SupportInterview' });
