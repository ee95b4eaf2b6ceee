import { can } from '../../app/session';

/** The team keeps the territorial projects; the board reads them (src/shared/policies.ts). */
export const canReadTerritories = can.readTerritories;
export const canManageTerritories = can.manageTerritories;
