import type { Role } from '../../app/session';

/** The delegation's team: buyers with their contacts, opportunities, matching (the server enforces the same rule). */
export const canManagePurchasing = (role: Role) => role === 'admin' || role === 'staff';

/** Who reads buyers (without contacts for the board), opportunities, follow-ups of every member and the figures. */
export const canReadPurchasing = (role: Role) => canManagePurchasing(role) || role === 'board';

/** A member user: open opportunities and its own organisation's follow-ups. */
export const isPurchasingMember = (role: Role) => role === 'member';

/** Who may update a follow-up (a member only its own, to say interested or quote sent). */
export const canUpdateFollowUp = (role: Role) => canManagePurchasing(role) || role === 'member';
