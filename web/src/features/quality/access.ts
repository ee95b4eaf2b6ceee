import { can } from '../../app/session';

/** Who reviews data quality: the delegation's team (src/shared/policies.ts). */
export const canReviewQuality = can.reviewQuality;
