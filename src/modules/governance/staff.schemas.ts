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
