import { asc } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boardMandates, staffMembers } from './governance.table.ts';

export function listBoard(tx: Tx) {
  return tx
    .select({
      id: boardMandates.id,
      firstName: boardMandates.firstName,
      lastName: boardMandates.lastName,
      organisationName: boardMandates.organisationName,
      organisationId: boardMandates.organisationId,
      department: boardMandates.department,
      role: boardMandates.role,
      nationalRepresentative: boardMandates.nationalRepresentative,
      electedOn: boardMandates.electedOn,
      endsOn: boardMandates.endsOn,
    })
    .from(boardMandates)
    .orderBy(asc(boardMandates.position), asc(boardMandates.lastName));
}

export function listStaff(tx: Tx) {
  return tx
    .select({
      id: staffMembers.id,
      firstName: staffMembers.firstName,
      lastName: staffMembers.lastName,
      jobTitle: staffMembers.jobTitle,
    })
    .from(staffMembers)
    .orderBy(asc(staffMembers.position), asc(staffMembers.lastName));
}
