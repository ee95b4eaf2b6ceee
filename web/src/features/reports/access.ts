import type { Role } from '../../app/session';

/** The activity report: the team writes its texts and freezes it, the board reads it, an admin unfreezes it. */
export const canReadReports = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
export const canEditReports = (role: Role) => role === 'admin' || role === 'staff';
export const canUnfreezeReports = (role: Role) => role === 'admin';
