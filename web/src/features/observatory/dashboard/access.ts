import { can, type Role } from '../../../app/session';

/** Dashboards and exports: the team and the board (src/shared/policies.ts). */
export const canReadDashboard = can.readDashboard;
/** Declared aggregates: the team records them, the board reads them. */
export const canEditDeclared = can.manageCampaigns;
/** The peer position: everyone signed in; a member user sees its own organisation only. */
export const canPickOrganisation = (role: Role) => role !== 'member';
