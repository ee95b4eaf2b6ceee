import { can } from '../../app/session';

/** Declared figures: the team records them, the board reads them (src/shared/policies.ts). */
export const canReadFigures = can.readFigures;
export const canEditFigures = can.manageFigures;
