import { can } from '../../app/session';

// Every role reads /gep: a member user sees the groups its organisation's people belong to (the server filters).
/** The yearly counts and the declared totals, and the menu item: the team and the board (src/shared/policies.ts). */
export const canSeePracticeStats = can.readPracticeStats;
export const canManagePracticeGroups = can.managePracticeGroups;
