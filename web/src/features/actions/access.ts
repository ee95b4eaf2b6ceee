import { can } from '../../app/session';

/** The team records and corrects the actions and partners; the board reads them (src/shared/policies.ts). */
export const canReadActions = can.readActions;
export const canWriteActions = can.manageActions;
