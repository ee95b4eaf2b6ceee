import { can, type Role } from '../../../app/session';

/** Who prepares, opens and reviews campaigns (src/shared/policies.ts). */
export const canManageCampaigns = can.manageCampaigns;
/** The board follows campaigns and their completeness, read-only. */
export const canReadCampaigns = can.readCampaigns;
/** Member users answer for their own organisation. */
export const isMemberUser = (role: Role) => role === 'member';
