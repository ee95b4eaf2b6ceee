import type { Query, Schema } from '../../app/contract';

export type MembershipStatus = Schema<'MembershipStatus'>;
type ListQuery = Query<'/api/members/organisations'>;
export type MembershipFilter = NonNullable<ListQuery['membership']>;
export type OrganisationSort = NonNullable<ListQuery['sort']>;

export type Reference = Schema<'MembersReference'>;
export type OrganisationSummary = Schema<'OrganisationListItem'>;
export type OrganisationList = Schema<'OrganisationList'>;
export type Establishment = Schema<'Establishment'>;
export type Convention = Schema<'Convention'>;
export type MembershipPeriod = Schema<'MembershipPeriod'>;
export type Contact = Schema<'Contact'>;
export type Organisation = Schema<'OrganisationRecord'>;
/** What of the record this user may change: everything, its public profile, or nothing. */
export type Editable = Organisation['editable'];
export type HistoryEntry = Schema<'HistoryEntry'>;

/** The list's parameters as the page holds them. */
export type ListParams = Required<Pick<ListQuery, 'membership' | 'sort' | 'page' | 'pageSize'>> &
  Record<'q' | 'type' | 'department', string>;
