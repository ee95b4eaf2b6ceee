import { can } from '../../app/session';

/** Who edits the funders guide: the delegation's team (every signed-in role reads it; src/shared/policies.ts). */
export const canWriteFunders = can.manageFunders;

/** Who searches on behalf of any member; a member user searches for its own organisation only. */
export const canMatchForAnyMember = can.matchFundersForAnyMember;
