import type { Role } from '../../app/session';

/** Who reads the actions, the chronicle and the partners: the team and the board (the server enforces the same rule). */
export const canReadActions = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';

/** Who records and corrects them: the delegation's team. */
export const canWriteActions = (role: Role) => role === 'admin' || role === 'staff';
