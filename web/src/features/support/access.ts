import { can } from '../../app/session';

/** Who works on support files and interviews: the delegation's team (src/shared/policies.ts). */
export const canManageSupport = can.manageSupport;
/** The board reads the list of files too. */
export const canReadSupport = can.readSupport;
