import type { Role } from '../../app/session';

/** Who sees the staff page of certifications, cohorts and grids (the board reads it). */
export const canReadQualityApproaches = (role: Role) =>
  role === 'admin' || role === 'staff' || role === 'board';
/** Who records certifications, audits, cohorts and edits grids; the server enforces the same rule. */
export const canWriteQualityApproaches = (role: Role) => role === 'admin' || role === 'staff';
/** A member user fills in its own organisation's self-assessment. */
export const canSelfAssess = (role: Role) => role === 'member';
