import type { Role } from '../../app/session';

/** Declared figures: the team records them, the board reads them (the server enforces the same rule). */
export const canReadFigures = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
export const canEditFigures = (role: Role) => role === 'admin' || role === 'staff';
