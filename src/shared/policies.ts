/**
 * Who may do what, in one place: the roles, their groups, and the rules about a record
 * ("a member user and its own organisation"). Routes declare their access with these groups
 * (`allow(...TEAM)`), services check records with these functions, and the web app imports
 * this same file to show or hide actions. It imports nothing, so both sides can.
 */

export const ROLES = ['admin', 'staff', 'board', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Who asks: a role in a delegation; a member user is bound to one organisation. */
export interface Viewer {
  userId?: string;
  role: Role;
  organisationId: string | null;
}

type HasRole = Pick<Viewer, 'role'>;

/** The delegation's team: administrators and staff. */
export const TEAM = ['admin', 'staff'] as const satisfies readonly Role[];
/** The team and the board, who read everything of the delegation. */
export const READERS = ['admin', 'staff', 'board'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];

const within = (group: readonly Role[]) => (viewer: HasRole) => group.includes(viewer.role);

export const isTeam = within(TEAM);
export const isReader = within(READERS);
export const isAdmin = within(ADMINS);
export const isMember = (viewer: HasRole) => viewer.role === 'member';

/** A member user and its own organisation. */
export function ownsOrganisation(viewer: Viewer, organisationId: string | null | undefined): boolean {
  return (
    viewer.role === 'member' && viewer.organisationId !== null && viewer.organisationId === organisationId
  );
}

/** May read an organisation's records: the team and the board, or a member user its own. */
export function canSeeOrganisation(viewer: Viewer, organisationId: string | null | undefined): boolean {
  return isReader(viewer) || ownsOrganisation(viewer, organisationId);
}

/** May change an organisation's records: the team, or a member user its own (public fields only). */
export function canEditOrganisation(viewer: Viewer, organisationId: string | null | undefined): boolean {
  return isTeam(viewer) || ownsOrganisation(viewer, organisationId);
}

/**
 * What of an organisation's record a viewer may change: all of it (the team), its public
 * profile (a member user, its own organisation), or nothing. The one rule behind
 * `canEditOrganisation`, for services that also need to know how much.
 */
export function organisationEditScope(
  viewer: Viewer,
  organisationId: string | null | undefined,
): 'all' | 'public' | 'none' {
  if (isTeam(viewer)) return 'all';
  return ownsOrganisation(viewer, organisationId) ? 'public' : 'none';
}

/**
 * The organisation a member's request is about: always its own. `undefined` for the team
 * and the board (they name one, or ask for all); `null` when a member names another one.
 */
export function ownScope(viewer: Viewer, asked?: string | null): string | null | undefined {
  if (!isMember(viewer)) return undefined;
  if (!viewer.organisationId || (asked && asked !== viewer.organisationId)) return null;
  return viewer.organisationId;
}

/** What the interface offers each role; the server enforces the same rules on every route. */
export const can = {
  browseMembers: isReader,
  createOrganisation: isTeam,
  manageUsers: isAdmin,
  readDues: isReader,
  manageDues: isTeam,
  readTerritories: isReader,
  manageTerritories: isTeam,
  readCampaigns: isReader,
  manageCampaigns: isTeam,
  readDashboard: isReader,
  manageFunders: isTeam,
  matchFundersForAnyMember: isTeam,
  readTrainings: isReader,
  manageTrainings: isTeam,
  readPracticeStats: isReader,
  managePracticeGroups: isTeam,
  readPurchasing: isReader,
  managePurchasing: isTeam,
  readOwnPurchasing: isMember,
  updatePurchasingFollowUp: (viewer: HasRole) => isTeam(viewer) || isMember(viewer),
  readQualityApproaches: isReader,
  manageQualityApproaches: isTeam,
  selfAssess: isMember,
  readActions: isReader,
  manageActions: isTeam,
  readGovernance: isReader,
  manageGovernance: isTeam,
  manageStaff: isAdmin,
  reviewQuality: isTeam,
  readFigures: isReader,
  manageFigures: isTeam,
  readReports: isReader,
  editReports: isTeam,
  unfreezeReports: isAdmin,
  manageEvents: isTeam,
  readSupport: isReader,
  manageSupport: isTeam,
  registerToEvents: (viewer: HasRole) => isTeam(viewer) || isMember(viewer),
} satisfies Record<string, (viewer: HasRole) => boolean>;
