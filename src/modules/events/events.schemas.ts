/**
 * Request shapes of the events API (registrations, attendance, calendar feeds), shared
 * with the web app: only `zod` here. Checks that need the database (the organisation,
 * the closing date, the places left) are the service's.
 */
import { z } from 'zod';

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const actionParamsSchema = z.object({ actionId: z.uuid() });
export const registrationParamsSchema = z.object({ actionId: z.uuid(), id: z.uuid() });

export const eventsQuerySchema = z.object({
  upcoming: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const registrationInputSchema = z.strictObject({
  firstName: name,
  lastName: name,
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  jobTitle: optionalText(200),
  // A member user's own organisation when left out; staff may register anyone.
  organisationId: z.uuid().nullish(),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

/** A person noted present at the door, without prior registration (staff only). */
export const walkInInputSchema = z.strictObject({
  firstName: name,
  lastName: name,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(''), z.email().max(254)]))
    .nullish(),
  jobTitle: optionalText(200),
  organisationId: z.uuid().nullish(),
});
export type WalkInInput = z.infer<typeof walkInInputSchema>;

export const attendanceInputSchema = z.strictObject({
  present: z.array(z.uuid()).max(2000).default([]),
  absent: z.array(z.uuid()).max(2000).default([]),
});
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

export const publicCalendarQuerySchema = z.object({
  delegation: z.string().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

// Any string: a malformed token is an unknown one (404), not a bad request.
export const feedParamsSchema = z.object({ token: z.string().max(200) });
