import { asc, eq, sql } from 'drizzle-orm';
import { continueAsTenant, type Db, type Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError, type FieldError } from '../../server/errors.ts';
import type { Mailer } from '../../server/mailer.ts';
import { grantRole, type Inviter, inviteUser } from '../accounts/accounts.service.ts';
import { isDepartmentCode, normaliseEmail } from '../members/members.validation.ts';
import type { NewDelegation } from './delegations.schemas.ts';
import { delegations } from './delegations.table.ts';

// Delegations are the tenants: reading them by id or slug needs no tenant context.
export async function getDelegation(db: Db, id: string) {
  const [row] = await db.select().from(delegations).where(eq(delegations.id, id));
  if (!row) throw new AppError('delegation.not_found');
  return row;
}

/**
 * The delegation a public page speaks for: the one named in the query, else the
 * configured default, else the oldest one (an installation with a single delegation).
 */
export async function resolvePublicDelegation(
  db: Db,
  slug: string | undefined,
  defaultSlug: string | undefined,
) {
  const wanted = slug ?? defaultSlug;
  const [row] = wanted
    ? await db.select().from(delegations).where(eq(delegations.slug, wanted))
    : await db.select().from(delegations).orderBy(asc(delegations.createdAt)).limit(1);
  if (!row) throw new AppError('delegation.not_found');
  return row;
}

/** True when the installation holds no delegation yet (the first run is open). */
export async function hasNoDelegation(db: Db): Promise<boolean> {
  const rows = await db.select({ id: delegations.id }).from(delegations).limit(1);
  return rows.length === 0;
}

export interface CheckedDelegation {
  name: string;
  slug: string;
  region: string | null;
  departmentsCovered: string[];
  adminEmail: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function field(name: string, code: string, params: Record<string, string> = {}): FieldError {
  return { field: name, code, message: message(code, params) };
}

/**
 * Checks a new delegation before anything is written: every field at fault is named
 * (`name`, `slug`, `region`, `departments`, `adminEmail`), with a French message.
 */
export async function checkNewDelegation(db: Db, input: NewDelegation): Promise<CheckedDelegation> {
  const fields: FieldError[] = [];
  const name = input.name.trim();
  if (!name) fields.push(field('name', 'delegations.name_required'));
  else if (name.length > 200) fields.push(field('name', 'delegations.name_too_long'));
  const slug = input.slug.trim();
  if (slug.length < 2 || slug.length > 60 || !SLUG.test(slug))
    fields.push(field('slug', 'delegations.slug_invalid'));
  else {
    const [taken] = await db
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.slug, slug));
    if (taken) fields.push(field('slug', 'delegations.slug_taken', { slug }));
  }
  const region = input.region?.trim() || null;
  if (region && region.length > 200) fields.push(field('region', 'delegations.region_too_long'));
  const departmentsCovered: string[] = [];
  for (const raw of input.departments ?? []) {
    const code = raw.trim().toUpperCase();
    if (!code) continue;
    if (!isDepartmentCode(code)) {
      fields.push(field('departments', 'delegations.department_unknown', { code: raw.trim() }));
      break;
    }
    if (!departmentsCovered.includes(code)) departmentsCovered.push(code);
  }
  const email = normaliseEmail(input.adminEmail);
  if (!email.ok) fields.push(field('adminEmail', 'delegations.admin_email_invalid'));
  if (fields.length > 0 || !email.ok) throw new AppError('validation.failed', { fields });
  return { name, slug, region, departmentsCovered, adminEmail: email.value };
}

async function insertDelegation(tx: Tx, checked: CheckedDelegation) {
  const [row] = await tx
    .insert(delegations)
    .values({
      name: checked.name,
      slug: checked.slug,
      region: checked.region,
      departmentsCovered: checked.departmentsCovered,
    })
    .returning({ id: delegations.id, slug: delegations.slug, name: delegations.name });
  if (!row) throw new Error('delegation insert returned nothing');
  return row;
}

/**
 * Creates a delegation and invites its first administrator, all or nothing: the
 * delegation, the invitation and its e-mail go in one transaction (a mail that cannot
 * be sent leaves no delegation behind). Delegations are written as the database owner,
 * the only role allowed to; the invitation then as the app role bound to the new tenant.
 */
export async function createDelegationWithInvitation(
  db: Db,
  deps: { mailer: Mailer; baseUrl: string; inviter?: Inviter | null },
  input: NewDelegation,
): Promise<{
  delegation: { id: string; slug: string; name: string };
  invitationUrl: string;
  invitedEmail: string;
}> {
  const checked = await checkNewDelegation(db, input);
  const inviter = deps.inviter ?? null;
  return db.transaction(async (tx) => {
    const delegation = await insertDelegation(tx, checked);
    // The history names who asked for it (a member of the federation), or nobody (the command line).
    await continueAsTenant(tx, { delegationId: delegation.id, userId: inviter?.userId ?? null });
    const invitation = await inviteUser(
      tx,
      { mailer: deps.mailer, baseUrl: deps.baseUrl, delegationName: delegation.name, inviter },
      { email: checked.adminEmail, role: 'admin' },
    );
    return { delegation, invitationUrl: invitation.link, invitedEmail: checked.adminEmail };
  });
}

/**
 * The first run: the delegation and its administrator's role, for a user created just
 * before (with the password typed on the set-up page). Same transaction rules as above.
 * The table is locked first and must still be empty: two servers of one installation
 * (each with its own code) cannot both complete a first run.
 */
export async function createFirstDelegation(db: Db, checked: CheckedDelegation, userId: string) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table delegations in share row exclusive mode`);
    const [existing] = await tx.select({ id: delegations.id }).from(delegations).limit(1);
    if (existing) throw new AppError('setup.closed');
    const delegation = await insertDelegation(tx, checked);
    await continueAsTenant(tx, { delegationId: delegation.id, userId });
    await grantRole(tx, { userId, role: 'admin', organisationId: null });
    return delegation;
  });
}
