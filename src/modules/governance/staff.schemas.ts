import { z } from 'zod';

const isoDate = z.iso.date();

export const staffInputSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  jobTitle: z.string().trim().min(1).max(200),
  missions: z.string().trim().max(2000).nullish(),
  email: z.email().max(254).nullish(),
  userId: z.string().max(100).nullish(),
});

export const staffPatchSchema = z.object({
  jobTitle: z.string().trim().min(1).max(200).optional(),
  missions: z.string().trim().max(2000).nullish(),
  /** The last day in the team; null brings the person back. */
  endedOn: isoDate.nullish(),
  /** The person's account in the delegation; null unlinks it. */
  userId: z.string().max(100).nullish(),
});

export const staffParamsSchema = z.object({ id: z.uuid() });
export type StaffInput = z.infer<typeof staffInputSchema>;
export type StaffPatch = z.infer<typeof staffPatchSchema>;

/** A person of the team as administrators manage it, past members included. */
export const staffRecordSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string(),
    missions: z.string().nullable(),
    email: z.string().nullable(),
    endedOn: isoDate.nullable(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
  })
  .meta({ id: 'StaffRecord' });
export const staffRecordListSchema = z
  .object({ items: z.array(staffRecordSchema) })
  .meta({ id: 'StaffRecordList' });
export const staffCreatedSchema = z.object({ id: z.uuid() }).meta({ id: 'StaffCreated' });
