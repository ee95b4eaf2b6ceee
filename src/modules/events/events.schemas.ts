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

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const registrationStatusSchema = z
  .enum(['registered', 'waiting', 'cancelled'])
  .meta({ id: 'EventRegistrationStatus' });

export const registrationSchema = z
  .object({
    id: z.uuid(),
    actionId: z.uuid(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    jobTitle: z.string().nullable(),
    status: registrationStatusSchema,
    attended: z.boolean().nullable(),
    /** 1 = next to get a place; null when not waiting. */
    waitingPosition: z.number().int().nullable(),
    registeredAt: z.iso.datetime(),
    cancelledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'EventRegistration' });

export const eventSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    datePrecision: z.enum(['day', 'month']),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    online: z.boolean(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    summary: z.string().nullable(),
    visibility: z.enum(['public', 'internal']),
    capacity: z.number().int().nullable(),
    registrationClosesOn: z.iso.date().nullable(),
    registrationState: z.enum(['open', 'closed', 'started']).meta({ id: 'EventRegistrationState' }),
    registeredCount: z.number().int(),
    waitingCount: z.number().int(),
    attendedCount: z.number().int(),
    placesLeft: z.number().int().nullable(),
    participantsCount: z.number().int().nullable(),
  })
  .meta({ id: 'Event' });

export const eventListSchema = z
  .object({
    items: z.array(
      eventSchema
        .extend({
          /** The caller's organisation's live registrations (member users). */
          ownRegistrations: z.array(registrationSchema),
        })
        .meta({ id: 'EventListItem' }),
    ),
  })
  .meta({ id: 'EventList' });

export const registrationListSchema = z
  .object({ items: z.array(registrationSchema) })
  .meta({ id: 'EventRegistrationList' });

export const cancellationSchema = z
  .object({ id: z.uuid(), status: registrationStatusSchema, promoted: z.array(z.uuid()) })
  .meta({ id: 'EventCancellation' });

export const attendanceSchema = z
  .object({ participantsCount: z.number().int(), items: z.array(registrationSchema) })
  .meta({ id: 'EventAttendance' });

export const walkInSchema = z
  .object({ participantsCount: z.number().int(), registration: registrationSchema })
  .meta({ id: 'EventWalkIn' });

export const calendarTokenStatusSchema = z
  .object({ active: z.boolean(), createdAt: z.iso.datetime().nullable() })
  .meta({ id: 'CalendarTokenStatus' });

export const calendarTokenSchema = z.object({ url: z.url() }).meta({ id: 'CalendarToken' });

/** An iCalendar feed (RFC 5545), for calendar apps to subscribe to. */
export const icsFile = {
  description: 'Calendrier iCalendar (.ics), à abonner dans une application de calendrier',
  content: { 'text/calendar': { schema: z.string() } },
};
