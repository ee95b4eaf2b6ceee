import type { Role } from '../../app/session';

/** Who works on support files and interviews: the delegation's team (the server enforces the same rules). */
export const canManageSupport = (role: Role) => role === 'admin' || role === 'staff';
/** The board reads the list of files too. */
export const canReadSupport = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
