import { asc, eq, max } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { userRoles, users } from '../accounts/accounts.table.ts';
import { staffColumns } from './governance.service.ts';
import { staffMembers } from './governance.table.ts';
import type { StaffInput, StaffPatch } from './staff.schemas.ts';

/** The whole team, past members included (administrators manage it). */
export function listAllStaff(tx: Tx) {
  return tx
    .select({
      ...staffColumns,
      email: staffMembers.email,
      endedOn: staffMembers.endedOn,
      userId: staffMembers.userId,
      userName: users.name,
    })
    .from(staffMembers)
    .leftJoin(users, eq(users.id, staffMembers.userId))
    .orderBy(asc(staffMembers.position), asc(staffMembers.lastName));
}

/** An account may be linked only if it holds a role in this delegation (row-level security says which). */
async function checkAccount(tx: Tx, userId: string | null | undefined) {
  if (!userId) return;
  const [role] = await tx.select({ id: userRoles.id }).from(userRoles).where(eq(userRoles.userId, userId));
  if (!role)
    throw new AppError('validation.failed', {
      fields: [
        {
          field: 'userId',
          code: 'governance.staff_account_unknown',
          message: "Ce compte n'a pas de rôle dans la délégation.",
        },
      ],
    });
}

export async function addStaffMember(tx: Tx, input: StaffInput) {
  await checkAccount(tx, input.userId);
  const [last] = await tx.select({ n: max(staffMembers.position) }).from(staffMembers);
  const [row] = await tx
    .insert(staffMembers)
    .values({
      firstName: input.firstName,
      lastName: input.lastName,
      jobTitle: input.jobTitle,
      missions: input.missions || null,
      email: input.email ?? null,
      userId: input.userId ?? null,
      position: (last?.n ?? -1) + 1,
    })
    .returning({ id: staffMembers.id });
  if (!row) throw new Error('staff insert returned nothing');
  return row;
}

/** Changes the job, the missions, the account, or ends (or resumes) the person's time in the team. */
export async function updateStaffMember(tx: Tx, id: string, patch: StaffPatch) {
  await checkAccount(tx, patch.userId);
  const changes: Partial<typeof staffMembers.$inferInsert> = {};
  if (patch.jobTitle !== undefined) changes.jobTitle = patch.jobTitle;
  if (patch.missions !== undefined) changes.missions = patch.missions || null;
  if (patch.endedOn !== undefined) changes.endedOn = patch.endedOn;
  if (patch.userId !== undefined) changes.userId = patch.userId;
  const updated = await tx
    .update(staffMembers)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(staffMembers.id, id))
    .returning({ id: staffMembers.id });
  if (updated.length === 0) throw new AppError('governance.staff_not_found');
}
