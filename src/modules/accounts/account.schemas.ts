import { z } from 'zod';

// Control characters (line breaks, NUL, bidi overrides…) would let a name forge lines in a
// mail or in a history row, or pass for someone else's name on screen.
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** A person's name as they type it: on their account, and when they accept an invitation. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => !CONTROL.test(name));

/** The only field of their account users may change themselves. */
export const accountUpdateSchema = z.strictObject({ name: personNameSchema });

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const passwordResetRequestSchema = z.strictObject({ email: z.string().trim().min(1).max(254) });

export const passwordResetSchema = z.strictObject({
  token: z.string().min(10).max(100),
  newPassword: z.string().min(1).max(200),
});

export const accountSessionSchema = z
  .object({
    id: z.string(),
    userAgent: z.string().nullable(),
    ipAddress: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'AccountSession' });

export const accountSessionsSchema = z
  .object({ items: z.array(accountSessionSchema) })
  .meta({ id: 'AccountSessions' });

export const accountNameSchema = z.object({ name: z.string() }).meta({ id: 'AccountName' });
export const passwordResetRequestedSchema = z
  .object({ message: z.string() })
  .meta({ id: 'PasswordResetRequested' });
