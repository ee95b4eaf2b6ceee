import type { Role } from '../../app/session';

/** Who edits the funders guide: the delegation's team (every signed-in role reads it; the server enforces the same rule). */
export const canWriteFunders = (role: Role) => role === 'admin' || role === 'staff';

/** Who searches on behalf of any member; a member user searches for its own organisation only. */
export const canMatchForAnyMember = (role: Role) => role === 'admin' || role === 'staff';
