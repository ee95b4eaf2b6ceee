import type { Role } from '../../../app/session';

/** Who prepares, opens and reviews campaigns (the server enforces the same rules). */
export const canManageCampaigns = (role: Role) => role === 'admin' || role === 'staff';
/** The board follows campaigns and their completeness, read-only. */
export const canReadCampaigns = (role: Role) => role === 'admin' || role === 'staff' || role === 'board';
/** Member users answer for their own organisation. */
export const isMemberUser = (role: Role) => role === 'member';
