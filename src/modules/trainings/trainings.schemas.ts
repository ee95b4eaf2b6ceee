import { z } from 'zod';

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
const isoDate = z.iso.date();
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const hours = z.number().finite().min(0).max(1_000_000);

const sessionFields = {
  title: shortText(300),
  // Partners of the delegation (the partners registry).
  providerId: z.uuid().nullish(),
  funderId: z.uuid().nullish(),
  trainer: optionalText(300),
  startsOn: isoDate,
  endsOn: isoDate,
  town: optionalText(200),
  department: optionalText(3),
  // Counts as the source gives them, used while no trainee is named.
  traineesCount: z.number().int().min(0).max(100_000).nullish(),
  hoursTotal: hours.nullish(),
  organisationsCount: z.number().int().min(0).max(100_000).nullish(),
  actionId: z.uuid().nullish(),
  note: optionalText(10_000),
  source: optionalText(1000),
};
export const sessionInputSchema = z.strictObject(sessionFields);
export const sessionPatchSchema = sessionInputSchema.partial();
export type SessionInput = z.infer<typeof sessionInputSchema>;
export type SessionPatch = z.infer<typeof sessionPatchSchema>;

export const traineeInputSchema = z.strictObject({
  organisationId: z.uuid().nullish(),
  firstName: shortText(100),
  lastName: shortText(100),
  jobTitle: optionalText(200),
  hours: z.number().finite().positive().max(10_000),
});
export type TraineeInput = z.infer<typeof traineeInputSchema>;

export const listQuerySchema = z.object({ year: yearSchema.optional() });
export const totalsQuerySchema = z.object({ year: yearSchema });
export const idParamsSchema = z.object({ id: z.uuid() });
export const traineeParamsSchema = z.object({ id: z.uuid(), traineeId: z.uuid() });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

/** A total a source states (src/modules/figures): shown beside the computed one, never added to it. */
export const declaredFigureAnswer = z.object({
  year: z.number().int(),
  key: z.string(),
  value: z.number(),
  unit: z.enum(['count', 'hours', 'euros', 'percent']),
  label: z.string(),
  source: z.string(),
  updatedAt: z.string(),
});

export const trainingCountsSchema = z
  .object({
    /** `trainees`: counted from the named trainees; `counts`: the counts the source gives. */
    basis: z.enum(['trainees', 'counts']),
    trainees: z.number(),
    hours: z.number(),
    organisations: z.number().nullable(),
  })
  .meta({ id: 'TrainingCounts' });

export const trainingSessionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    providerId: z.uuid().nullable(),
    providerName: z.string().nullable(),
    funderId: z.uuid().nullable(),
    funderName: z.string().nullable(),
    trainer: z.string().nullable(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    traineesCount: z.number().int().nullable(),
    hoursTotal: z.number().nullable(),
    organisationsCount: z.number().int().nullable(),
    actionId: z.uuid().nullable(),
    note: z.string().nullable(),
    source: z.string().nullable(),
    computed: trainingCountsSchema,
  })
  .meta({ id: 'TrainingSession' });

export const traineeSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string().nullable(),
    hours: z.number(),
  })
  .meta({ id: 'TrainingTrainee' });

export const trainingSessionRecordSchema = trainingSessionSchema
  .extend({ trainees: z.array(traineeSchema) })
  .meta({ id: 'TrainingSessionRecord' });

export const trainingSessionListSchema = z
  .object({ items: z.array(trainingSessionSchema) })
  .meta({ id: 'TrainingSessionList' });

export const trainingTotalsSchema = z
  .object({
    year: z.number().int(),
    computed: z.object({
      sessions: z.number().int(),
      trainees: z.number(),
      hours: z.number(),
      sources: z.object({ fromTrainees: z.number().int(), fromCounts: z.number().int() }),
    }),
    declared: z.object({
      trainees: declaredFigureAnswer.optional(),
      trainingHours: declaredFigureAnswer.optional(),
    }),
  })
  .meta({ id: 'TrainingTotals' });
