import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { withCredential, withTenant } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { composeMail, type Mailer } from '../../server/mailer.ts';
import type { AuthContext, Caller } from '../../server/request-context.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { federationMembers } from '../federation/federation.table.ts';
import { organisations } from '../members/members.table.ts';
import { invitations, type Role, sessions, userRoles, users } from './accounts.table.ts';
import type { Auth } from './auth.ts';

const INVITATION_DAYS = 14;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Who a signed-in user is: a member of the federation, else their role in a delegation
 * (row-level security shows only their own rows of both tables). The federation comes
 * first and is exclusive: an account of the national team never acts as a delegation's
 * user, whatever roles it may also hold or whichever delegation it asks for (decision 020).
 */
export async function resolveAuthContext(
  db: Db,
  user: { id: string; email: string; name: string },
  preferredDelegationId?: string,
): Promise<Caller | null> {
  const { federation, rows } = await withCredential(db, { userId: user.id }, async (tx) => ({
    federation: await tx
      .select({ userId: federationMembers.userId })
      .from(federationMembers)
      .where(eq(federationMembers.userId, user.id)),
    rows: await tx
      .select({
        delegationId: userRoles.delegationId,
        role: userRoles.role,
        organisationId: userRoles.organisationId,
      })
      .from(userRoles)
      .where(eq(userRoles.userId, user.id))
      .orderBy(asc(userRoles.createdAt)),
  }));
  const identity = { userId: user.id, email: user.email, name: user.name };
  if (federation.length > 0)
    return { ...identity, role: 'federation', delegationId: null, organisationId: null };
  const row = rows.find((r) => r.delegationId === preferredDelegationId) ?? rows[0];
  if (!row) return null;
  return { ...identity, ...row };
}

/** Creates a user with a password through Better Auth's own hashing and storage. */
export async function createUserWithPassword(
  auth: Auth,
  input: { email: string; name: string; password: string },
): Promise<string> {
  const ctx = await auth.$context;
  const minimum = ctx.password.config.minPasswordLength;
  if (input.password.length < minimum) {
    throw new AppError('auth.password_too_short', {
      params: { min: minimum },
      fields: [
        { field: 'password', code: 'auth.password_too_short', message: `Au moins ${minimum} caractères.` },
      ],
    });
  }
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    { email: input.email.toLowerCase(), name: input.name, emailVerified: true },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: hash,
  });
  return user.id;
}

export async function grantRole(
  tx: Tx,
  input: { userId: string; role: Role; organisationId: string | null },
): Promise<void> {
  await tx
    .insert(userRoles)
    .values({ userId: input.userId, role: input.role, organisationId: input.organisationId });
}

export async function listUsers(tx: Tx) {
  return tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: userRoles.role,
      organisationId: userRoles.organisationId,
      organisationName: organisations.name,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(organisations, eq(organisations.id, userRoles.organisationId))
    .orderBy(asc(users.name));
}

export async function listInvitations(tx: Tx) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organisationId: invitations.organisationId,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .orderBy(sql`${invitations.createdAt} desc`);
}

/** Who sends an invitation: a delegation's administrator, or a member of the federation. */
export type Inviter = Pick<Caller, 'userId' | 'name'>;

/** The invitation e-mail: who invites, to what, and the link (the token travels only here). */
async function sendInvitationMail(
  deps: { mailer: Mailer; baseUrl: string; delegationName: string; inviter: Inviter | null },
  invitation: { email: string; role: Role; organisationName: string | null; token: string },
): Promise<string> {
  const link = `${deps.baseUrl}/invitation/${invitation.token}`;
  const roleLabel = {
    admin: 'administrateur',
    staff: 'équipe salariée',
    board: 'administrateur du conseil',
    member: 'adhérent',
  }[invitation.role];
  await deps.mailer.send(
    composeMail({
      to: invitation.email,
      subject: `Invitation à rejoindre ${deps.delegationName} sur Maillage`,
      lines: [
        'Bonjour,',
        '',
        `${deps.inviter ? `${deps.inviter.name} vous invite` : 'Vous êtes invité·e'} à rejoindre ${deps.delegationName} sur Maillage, en tant que ${roleLabel}${invitation.organisationName ? ` pour ${invitation.organisationName}` : ''}.`,
        '',
        `Pour créer votre compte, ouvrez ce lien (valable ${INVITATION_DAYS} jours) :`,
        link,
        '',
        "Si vous n'attendiez pas cette invitation, ignorez ce message.",
      ],
    }),
  );
  return link;
}

/**
 * Records an invitation and e-mails its link. The link's token is never stored, only its hash;
 * the link is returned to the caller once (the command line prints it for the first administrator).
 * A null inviter is the installation itself (command line, first run).
 */
export async function inviteUser(
  tx: Tx,
  deps: { mailer: Mailer; baseUrl: string; delegationName: string; inviter: Inviter | null },
  input: { email: string; role: Role; organisationId?: string | null | undefined },
): Promise<{ id: string; link: string }> {
  const organisationId = input.organisationId ?? null;
  if (input.role === 'member' && !organisationId) {
    throw new AppError('invitations.member_requires_organisation', {
      fields: [
        {
          field: 'organisationId',
          code: 'invitations.member_requires_organisation',
          message: 'Choisissez une organisation.',
        },
      ],
    });
  }
  let organisationName: string | null = null;
  if (organisationId) {
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    if (!org) throw new AppError('record.not_found');
    organisationName = org.name;
  }
  const email = input.email.trim().toLowerCase();
  const existing = await tx
    .select({ id: userRoles.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(users.email, email));
  if (existing.length > 0) throw new AppError('invitations.already_member');

  const token = randomBytes(32).toString('base64url');
  const [row] = await tx
    .insert(invitations)
    .values({
      email,
      role: input.role,
      organisationId,
      tokenHash: hashToken(token),
      invitedBy: deps.inviter?.userId ?? null,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
    })
    .returning({ id: invitations.id });
  const link = await sendInvitationMail(deps, { email, role: input.role, organisationName, token });
  if (!row) throw new Error('invitation insert returned nothing');
  return { id: row.id, link };
}

/** Finds a pending invitation by its token, across delegations (the token is the credential). */
export async function findPendingInvitation(db: Db, token: string) {
  const tokenHash = hashToken(token);
  const [row] = await withCredential(db, { invitationTokenHash: tokenHash }, (tx) =>
    tx
      .select({
        id: invitations.id,
        delegationId: invitations.delegationId,
        email: invitations.email,
        role: invitations.role,
        organisationId: invitations.organisationId,
        delegationName: delegations.name,
      })
      .from(invitations)
      .innerJoin(delegations, eq(delegations.id, invitations.delegationId))
      .where(
        and(
          eq(invitations.tokenHash, tokenHash),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      ),
  );
  return row ?? null;
}

/** Creates the account of an invited person and gives them the invited role, once. */
export async function acceptInvitation(
  deps: { db: Db; auth: Auth },
  token: string,
  input: { name: string; password: string },
): Promise<{ email: string }> {
  const invitation = await findPendingInvitation(deps.db, token);
  if (!invitation) throw new AppError('invitations.not_found');
  const [existingUser] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, invitation.email));
  const userId =
    existingUser?.id ??
    (await createUserWithPassword(deps.auth, {
      email: invitation.email,
      name: input.name,
      password: input.password,
    }));
  await withTenant(deps.db, { delegationId: invitation.delegationId, userId }, async (tx) => {
    const updated = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (updated.length === 0) throw new AppError('invitations.not_found');
    await grantRole(tx, { userId, role: invitation.role, organisationId: invitation.organisationId });
  });
  return { email: invitation.email };
}

/**
 * Refuses a change that would leave the delegation without an administrator. The
 * delegation's admin rows are locked first: two administrators removing each other at
 * the same moment cannot both succeed.
 */
async function keepAnAdministrator(tx: Tx, leavingUserId: string): Promise<void> {
  const admins = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(eq(userRoles.role, 'admin'))
    .for('update');
  if (admins.some((a) => a.userId === leavingUserId) && admins.length <= 1)
    throw new AppError('accounts.last_admin');
}

async function roleOf(tx: Tx, userId: string) {
  const [row] = await tx.select().from(userRoles).where(eq(userRoles.userId, userId));
  if (!row) throw new AppError('accounts.user_not_found');
  return row;
}

/** Changes a user's role in the delegation (a member role needs its organisation). */
export async function changeRole(
  tx: Tx,
  userId: string,
  input: { role: Role; organisationId?: string | null | undefined },
): Promise<void> {
  const current = await roleOf(tx, userId);
  const organisationId = input.role === 'member' ? (input.organisationId ?? null) : null;
  if (input.role === 'member' && !organisationId)
    throw new AppError('invitations.member_requires_organisation', {
      fields: [
        {
          field: 'organisationId',
          code: 'invitations.member_requires_organisation',
          message: 'Choisissez une organisation.',
        },
      ],
    });
  if (organisationId) {
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    if (!org) throw new AppError('record.not_found');
  }
  if (current.role === 'admin' && input.role !== 'admin') await keepAnAdministrator(tx, userId);
  await tx.update(userRoles).set({ role: input.role, organisationId }).where(eq(userRoles.id, current.id));
}

/**
 * Ends a user's access to the delegation: their role here goes (the audit trigger keeps
 * who had it). Their sessions are ended by the caller, as the database owner, after commit.
 */
export async function deactivateUser(tx: Tx, userId: string): Promise<void> {
  const current = await roleOf(tx, userId);
  if (current.role === 'admin') await keepAnAdministrator(tx, userId);
  await tx.delete(userRoles).where(eq(userRoles.id, current.id));
}

/** Signs a user out everywhere at once (sessions are global; every server forgets them on NOTIFY). */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Withdraws a pending invitation: its link stops working. */
export async function revokeInvitation(tx: Tx, invitationId: string): Promise<void> {
  const deleted = await tx
    .delete(invitations)
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (deleted.length === 0) throw new AppError('invitations.not_pending');
}

/** Sends a pending invitation again with a new link (the old one stops working) and a new expiry. */
export async function resendInvitation(
  tx: Tx,
  deps: { mailer: Mailer; baseUrl: string; delegationName: string; inviter: AuthContext },
  invitationId: string,
): Promise<{ id: string }> {
  const [pending] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)));
  if (!pending) throw new AppError('invitations.not_pending');
  // Same invitation, new link: the old link stops working, the row (and its id) stays.
  const token = randomBytes(32).toString('base64url');
  await tx
    .update(invitations)
    .set({ tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000) })
    .where(eq(invitations.id, pending.id));
  let organisationName: string | null = null;
  if (pending.organisationId) {
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, pending.organisationId));
    organisationName = org?.name ?? null;
  }
  await sendInvitationMail(deps, { email: pending.email, role: pending.role, organisationName, token });
  return { id: pending.id };
}
