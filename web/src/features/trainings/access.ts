import { can } from '../../app/session';

/** Trainings: the team records them, the board reads them (src/shared/policies.ts). */
export const canReadTrainings = can.readTrainings;
export const canManageTrainings = can.manageTrainings;
