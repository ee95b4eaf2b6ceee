import { z } from 'zod';
import { ROLES } from '../../shared/policies.ts';
import { personNameSchema } from './account.schemas.ts';

export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });

/** Who is signed in: a delegation's user, or a member of the federation (no delegation). */
export const meSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    delegation: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    role: z.enum([...ROLES, 'federation']),
    organisationId: z.string().nullable(),
  })
  .meta({ id: 'Me' });

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

// --- Answers (named: the web app's generated client calls them by name) -----------------

/** A user with a role in the delegation, as administrators list them. */
export const accountUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
  })
  .meta({ id: 'AccountUser' });
export const accountUserListSchema = z
  .object({ items: z.array(accountUserSchema) })
  .meta({ id: 'AccountUserList' });

/** An invitation, pending or accepted; its link never comes back (it travels by e-mail only). */
export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    organisationId: z.uuid().nullable(),
    expiresAt: z.date(),
    acceptedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Invitation' });
export const invitationListSchema = z
  .object({ items: z.array(invitationSchema) })
  .meta({ id: 'InvitationList' });
export const invitationCreatedSchema = z.object({ id: z.uuid() }).meta({ id: 'InvitationCreated' });

/** What the invitation page shows before the invitee sets a name and a password. */
export const invitationPreviewSchema = z
  .object({ email: z.string(), role: roleSchema, delegationName: z.string() })
  .meta({ id: 'InvitationPreview' });
export const invitationAcceptedSchema = z.object({ email: z.string() }).meta({ id: 'InvitationAccepted' });
