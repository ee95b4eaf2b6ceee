import { api } from '../../app/api';

// The answers of /api/federation/… (src/modules/federation/federation.schemas.ts, which
// imports server code: the shapes are restated here).
type Counts = Record<
  'not_started' | 'draft' | 'submitted' | 'correction_requested' | 'validated' | 'total',
  number
>;
export interface FederationDelegation {
  id: string;
  slug: string;
  name: string;
  region: string | null;
  createdAt: string;
  members: { total: number; byType: Record<string, number> };
  campaign: {
    id: string;
    year: number;
    title: string;
    deadline: string | null;
    counts: Counts;
    completeness: number | null;
  } | null;
  report: { year: number; frozen: boolean; frozenAt: string | null };
  lastActivity: string | null;
}
export interface FederationDelegations {
  year: number;
  items: FederationDelegation[];
}
export interface FederationDirectoryEntry {
  id: string;
  organisationId: string;
  name: string;
  types: string[];
  department: string | null;
  postcode: string | null;
  city: string | null;
  website: string | null;
  delegation: { slug: string; name: string };
}
export interface FederationDirectory {
  items: FederationDirectoryEntry[];
  total: number;
}
export interface FederationObservatory {
  delegations: number;
  indicators: {
    code: string;
    label: string;
    unit: string | null;
    totals: {
      year: number;
      source: 'computed' | 'declared';
      synthetic: boolean;
      value: number;
      answers: number;
      delegations: string[];
    }[];
  }[];
}
export interface FederationReport {
  year: number;
  name: string;
  members: { total: number; organisations: number; byType: Record<string, number> };
  keyFigures: Record<
    string,
    { value: number | null; unit: string; label: string; source: string; from: string }
  >;
  delegations: { slug: string; name: string; membersTotal: number; actions: number }[];
}
export interface FederationCreated {
  delegation: { id: string; slug: string; name: string };
  invitedEmail: string;
}

/** The year an activity report is about: last year. */
export const defaultYear = () => new Date().getFullYear() - 1;

export const federationKeys = {
  delegations: (year: number) => ['federation', 'delegations', year] as const,
  directory: (query: string) => ['federation', 'directory', query] as const,
  observatory: ['federation', 'observatory'] as const,
  report: (year: number) => ['federation', 'report', year] as const,
};

export const fetchDelegations = (year: number, signal?: AbortSignal) =>
  api<FederationDelegations>(`/api/federation/delegations?year=${year}`, { signal });

export const fetchDirectory = (query: string, signal?: AbortSignal) =>
  api<FederationDirectory>(`/api/federation/directory${query ? `?${query}` : ''}`, { signal });

export const fetchObservatory = (signal?: AbortSignal) =>
  api<FederationObservatory>('/api/federation/observatory', { signal });

export const fetchReport = (year: number, signal?: AbortSignal) =>
  api<FederationReport>(`/api/federation/reports/${year}`, { signal });

export const reportDownloadUrl = (year: number, format: 'html' | 'pdf' | 'docx' | 'json') =>
  `/api/federation/reports/${year}/download?format=${format}`;

export const createDelegation = (body: {
  name: string;
  slug: string;
  region: string | null;
  departments: string[];
  adminEmail: string;
}) => api<FederationCreated>('/api/federation/delegations', { method: 'POST', body });
