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
