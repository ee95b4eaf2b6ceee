import { z } from 'zod';
import { declaredFigureAnswer } from '../trainings/trainings.schemas.ts';

export const yearSchema = z.coerce.number().int().min(1990).max(2100);
const isoDate = z.iso.date();
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
// Local time of day (Europe/Paris), "14:00".
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const groupInputSchema = z.strictObject({
  name: shortText(300),
  audience: optionalText(500),
  description: optionalText(10_000),
  active: z.boolean().optional(),
});
export const groupPatchSchema = groupInputSchema.partial();
export type GroupInput = z.infer<typeof groupInputSchema>;
export type GroupPatch = z.infer<typeof groupPatchSchema>;

export const personInputSchema = z.strictObject({
  organisationId: z.uuid(),
  firstName: shortText(100),
  lastName: shortText(100),
  email: optionalText(254),
  jobTitle: optionalText(200),
});
export const personPatchSchema = personInputSchema.partial();
export type PersonInput = z.infer<typeof personInputSchema>;
export type PersonPatch = z.infer<typeof personPatchSchema>;

export const meetingInputSchema = z.strictObject({
  startsOn: isoDate,
  startTime: timeOfDay.nullish(),
  endTime: timeOfDay.nullish(),
  online: z.boolean().default(false),
  town: optionalText(200),
  department: optionalText(3),
  // Default: "Rencontre du <group name>".
  title: optionalText(300),
  summary: optionalText(10_000),
  visibility: z.enum(['public', 'internal']),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const guestSchema = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  organisationId: z.uuid().nullish(),
});

/**
 * A meeting's roll call: the group's people present, guests by name, and `count` when the
 * source gives only a number ("six professionnels de quatre structures").
 */
export const attendanceInputSchema = z.strictObject({
  present: z.array(z.uuid()).max(500).default([]),
  guests: z.array(guestSchema).max(500).optional(),
  count: z.number().int().min(0).max(100_000).optional(),
});
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

export const idParamsSchema = z.object({ id: z.uuid() });
export const personParamsSchema = z.object({ id: z.uuid(), personId: z.uuid() });
export const meetingParamsSchema = z.object({ id: z.uuid(), actionId: z.uuid() });
export const statsQuerySchema = z.object({ year: yearSchema });

// Answers. Named (`meta({ id })`) so the web app's generated client calls them by name.

export const practiceGroupSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    audience: z.string().nullable(),
    description: z.string().nullable(),
    active: z.boolean(),
    peopleCount: z.number().int(),
    meetingsCount: z.number().int(),
    lastMeetingOn: z.iso.date().nullable(),
  })
  .meta({ id: 'PracticeGroupSummary' });

export const practiceGroupListSchema = z
  .object({ items: z.array(practiceGroupSummarySchema) })
  .meta({ id: 'PracticeGroupList' });

export const practiceGroupPersonSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    /** Null for a member user looking at another organisation's person. */
    email: z.string().nullable(),
    jobTitle: z.string().nullable(),
  })
  .meta({ id: 'PracticeGroupPerson' });

export const practiceGuestSchema = z
  .object({
    firstName: z.string(),
    lastName: z.string(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
  })
  .meta({ id: 'PracticeGuest' });

export const practiceMeetingSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    startsOn: z.iso.date(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    online: z.boolean(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    summary: z.string().nullable(),
    visibility: z.enum(['public', 'internal']),
    participantsCount: z.number().int().nullable(),
    participantsSource: z.enum(['declared', 'attendance']).nullable(),
    attendance: z.object({
      presentPersonIds: z.array(z.uuid()),
      guests: z.array(practiceGuestSchema),
      named: z.number().int(),
    }),
  })
  .meta({ id: 'PracticeMeeting' });

export const practiceGroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    audience: z.string().nullable(),
    description: z.string().nullable(),
    active: z.boolean(),
    people: z.array(practiceGroupPersonSchema),
    meetings: z.array(practiceMeetingSchema),
  })
  .meta({ id: 'PracticeGroup' });

export const practiceStatsSchema = z
  .object({
    year: z.number().int(),
    groups: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        active: z.boolean(),
        meetings: z.number().int(),
        attendances: z.number().int(),
        meetingsWithoutCount: z.number().int(),
        organisations: z.number().int(),
      }),
    ),
    computed: z.object({ meetings: z.number().int(), attendances: z.number().int() }),
    declared: z.object({ gepMeetings: declaredFigureAnswer.optional() }),
  })
  .meta({ id: 'PracticeStats' });
