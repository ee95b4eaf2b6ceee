import type { Role } from '../../app/session';

/** Trainings: the team records them, the board reads them (the server enforces the same rule). */
export const canReadTrainings = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
export const canManageTrainings = (role: Role) => role === 'admin' || role === 'staff';
