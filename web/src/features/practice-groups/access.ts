import type { Role } from '../../app/session';

// Every role reads /gep: a member user sees the groups its organisation's people belong to (the server filters).
/** The yearly counts and the declared totals, and the menu item: the team and the board. */
export const canSeePracticeStats = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
export const canManagePracticeGroups = (role: Role) => role === 'admin' || role === 'staff';
