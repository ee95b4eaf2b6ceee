export type MembershipStatus = 'current' | 'former' | 'none';
export type MembershipFilter = 'current' | 'former' | 'none' | 'all';
export type OrganisationSort = 'name' | '-name' | 'department' | '-department' | 'updated' | '-updated';
export type Editable = 'all' | 'public' | 'none';

export interface Reference {
  conventionTypes: { code: string; label: string }[];
  departments: { code: string; name: string }[];
}

export interface OrganisationSummary {
  id: string;
  name: string;
  siren: string | null;
  types: string[];
  departments: string[];
  city: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  membership: MembershipStatus;
  updatedAt: string;
}

export interface OrganisationList {
  items: OrganisationSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Establishment {
  id: string;
  name: string | null;
  siret: string | null;
  address: string | null;
  postcode: string | null;
  city: string | null;
  department: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  isHeadquarters: boolean;
  printedLabel: string | null;
}

export interface Convention {
  id: string;
  type: string;
  establishmentId: string | null;
  departments: string[];
}

export interface MembershipPeriod {
  id: string;
  joinedOn: string | null;
  knownFrom: string | null;
  leftOn: string | null;
  leaveReason: string | null;
  source: string | null;
}

export interface Contact {
  id: string;
  firstName: string | null;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  purpose: string;
  consent: boolean;
}

export interface Organisation {
  id: string;
  name: string;
  siren: string | null;
  legalForm: string | null;
  website: string | null;
  description: string | null;
  note: string | null;
  activities: string[];
  types: string[];
  membership: MembershipStatus;
  establishments: Establishment[];
  conventions: Convention[];
  memberships: MembershipPeriod[];
  contacts: Contact[];
  editable: Editable;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEntry {
  id: number | string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  tableName: string;
  recordId: string;
  action: 'insert' | 'update' | 'delete';
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface ListParams {
  q: string;
  type: string;
  department: string;
  membership: MembershipFilter;
  sort: OrganisationSort;
  page: number;
  pageSize: number;
}
