import { can } from '../../app/session';

/** Who sees the staff page of certifications, cohorts and grids (the board reads it; src/shared/policies.ts). */
export const canReadQualityApproaches = can.readQualityApproaches;
/** Who records certifications, audits, cohorts and edits grids. */
export const canWriteQualityApproaches = can.manageQualityApproaches;
/** A member user fills in its own organisation's self-assessment. */
export const canSelfAssess = can.selfAssess;
