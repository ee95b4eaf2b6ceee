import { z } from 'zod';
import { personNameSchema } from './account.schemas.ts';

export const roleSchema = z.enum(['admin', 'staff', 'board', 'member']);

/** Who is signed in: a delegation's user, or a member of the federation (no delegation). */
export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  delegation: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  role: z.enum(['admin', 'staff', 'board', 'member', 'federation']),
  organisationId: z.string().nullable(),
});

export const invitationInputSchema = z.object({
  email: z.email().max(254),
  role: roleSchema,
  organisationId: z.uuid().nullish(),
});

export const acceptInvitationSchema = z.object({
  name: personNameSchema,
  password: z.string().min(1).max(200),
});

export const tokenParamsSchema = z.object({ token: z.string().min(20).max(100) });

export const userParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const invitationParamsSchema = z.object({ id: z.uuid() });

export const roleChangeSchema = z.object({
  role: roleSchema,
  organisationId: z.uuid().nullish(),
});
