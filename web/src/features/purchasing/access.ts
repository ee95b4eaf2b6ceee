import { can } from '../../app/session';

/** The delegation's team: buyers with their contacts, opportunities, matching (src/shared/policies.ts). */
export const canManagePurchasing = can.managePurchasing;

/** Who reads buyers (without contacts for the board), opportunities, follow-ups of every member and the figures. */
export const canReadPurchasing = can.readPurchasing;

/** A member user: open opportunities and its own organisation's follow-ups. */
export const isPurchasingMember = can.readOwnPurchasing;

/** Who may update a follow-up (a member only its own, to say interested or quote sent). */
export const canUpdateFollowUp = can.updatePurchasingFollowUp;
