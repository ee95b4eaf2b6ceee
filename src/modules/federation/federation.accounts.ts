import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Db, withCredential } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { createUserWithPassword } from '../accounts/accounts.service.ts';
import { userRoles, users } from '../accounts/accounts.table.ts';
import type { Auth } from '../accounts/auth.ts';
import { normaliseEmail } from '../members/members.validation.ts';
import { federationMembers } from './federation.table.ts';

/**
 * Makes an account a member of the federation (the national team). A new address gets an
 * account with a password nobody knows and an e-mail to choose one (Better Auth's reset
 * link); an existing account keeps its password. An account that holds a role in a
 * delegation is refused: one account is a delegation's or the federation's, never both
 * (decision 020). Written as the database owner, as delegations are: the app role may
 * only read its own membership.
 */
export async function addFederationMember(
  deps: { db: Db; auth: Auth },
  input: { email: string; name: string },
): Promise<{ userId: string; created: boolean; email: string }> {
  const email = normaliseEmail(input.email);
  if (!email.ok) throw invalidFields([{ field: 'email', code: 'federation.email_invalid' }]);
  const [existing] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, email.value));
  if (existing) {
    const roles = await withCredential(deps.db, { userId: existing.id }, (tx) =>
      tx.select({ id: userRoles.id }).from(userRoles).where(eq(userRoles.userId, existing.id)),
    );
    if (roles.length > 0)
      throw new AppError('federation.account_has_roles', { params: { email: email.value } });
    await deps.db.insert(federationMembers).values({ userId: existing.id }).onConflictDoNothing();
    return { userId: existing.id, created: false, email: email.value };
  }
  const name = input.name.trim();
  if (!name) throw invalidFields([{ field: 'name', code: 'federation.name_required' }]);
  const userId = await createUserWithPassword(deps.auth, {
    email: email.value,
    name,
    password: randomBytes(24).toString('base64url'),
  });
  try {
    await deps.db.insert(federationMembers).values({ userId });
    await deps.auth.api.requestPasswordReset({ body: { email: email.value } });
  } catch (error) {
    await deps.db.delete(users).where(eq(users.id, userId));
    throw error;
  }
  return { userId, created: true, email: email.value };
}
