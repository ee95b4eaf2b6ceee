import type { Role } from '../../../app/session';

/** Dashboards and exports: the team and the board (the server enforces the same rule). */
export const canReadDashboard = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
/** Declared aggregates: the team records them, the board reads them. */
export const canEditDeclared = (role: Role) => role === 'admin' || role === 'staff';
/** The peer position: everyone signed in; a member user sees its own organisation only. */
export const canPickOrganisation = (role: Role) => role !== 'member';
