import type { Role } from '../../app/session';

/** The team keeps the territorial projects; the board reads them (the server enforces the same rule). */
export const canReadTerritories = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
export const canManageTerritories = (role: Role) => role === 'admin' || role === 'staff';
