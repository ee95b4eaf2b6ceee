import { can } from '../../app/session';

/** The activity report: the team writes its texts and freezes it, the board reads it, an admin unfreezes it (src/shared/policies.ts). */
export const canReadReports = can.readReports;
export const canEditReports = can.editReports;
export const canUnfreezeReports = can.unfreezeReports;
