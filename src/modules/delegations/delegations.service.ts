import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { delegations } from './delegations.table.ts';

// Delegations are the tenants: reading them by id or slug needs no tenant context.
export async function getDelegation(db: Db, id: string) {
  const [row] = await db.select().from(delegations).where(eq(delegations.id, id));
  if (!row) throw new AppError('delegation.not_found', 404);
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
  if (!row) throw new AppError('delegation.not_found', 404);
  return row;
}
