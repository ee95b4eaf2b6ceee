import type { Role } from '../../app/session';

/** Who runs events: registrations of anyone, attendance, exports (the server enforces the same rule). */
export const canManageEvents = (role: Role) => role === 'admin' || role === 'staff';

/** Who may register people: the team, and member users for their own organisation. */
export const canRegister = (role: Role) => role === 'admin' || role === 'staff' || role === 'member';
