import type { Role } from '../../app/session';

/** Who reviews data quality: the delegation's team (the server enforces the same rule). */
export const canReviewQuality = (role: Role) => role === 'admin' || role === 'staff';
