import { can } from '../../app/session';

/** Who runs events: registrations of anyone, attendance, exports (src/shared/policies.ts). */
export const canManageEvents = can.manageEvents;

/** Who may register people: the team, and member users for their own organisation. */
export const canRegister = can.registerToEvents;
