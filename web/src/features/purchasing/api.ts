import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export type BuyerSector = 'public' | 'private';
export type OpportunityKind = 'social_clause' | 'reserved_contract' | 'quote' | 'other';
export type OpportunityStatus = 'open' | 'closed' | 'awarded' | 'cancelled';
export type MatchStatus = 'proposed' | 'sent' | 'interested' | 'quote_sent' | 'won' | 'lost';

export const matchStatuses: MatchStatus[] = ['proposed', 'sent', 'interested', 'quote_sent', 'won', 'lost'];
/** What a member user may say of its own follow-up. */
export const memberMatchStatuses: MatchStatus[] = ['interested', 'quote_sent'];

export interface Buyer {
  id: string;
  name: string;
  sector: BuyerSector;
  /** Null for the board: contact data is for the team only. */
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  note: string | null;
  source: string | null;
}

export interface Opportunity {
  id: string;
  buyerId: string;
  buyerName: string;
  buyerSector: BuyerSector;
  title: string;
  kind: OpportunityKind;
  amount: number | null;
  town: string | null;
  department: string | null;
  deadline: string | null;
  activities: string[];
  description: string | null;
  status: OpportunityStatus;
}

export interface Candidate {
  organisationId: string;
  name: string;
  sharedActivities: string[];
  territory: 'department' | 'region' | null;
  reasons: string[];
  alreadyMatched: boolean;
}

export interface Match {
  id: string;
  opportunityId: string;
  opportunityTitle: string;
  opportunityStatus: OpportunityStatus;
  deadline: string | null;
  buyerName: string;
  organisationId: string;
  organisationName: string;
  status: MatchStatus;
  reasons: string[];
  insertionHours: number | null;
  note: string | null;
  updatedAt: string;
}

export interface DeclaredFigure {
  year: number;
  key: string;
  value: number;
  unit: 'count' | 'hours' | 'euros' | 'percent';
  label: string;
  source: string;
}

export interface PurchasingStats {
  year: number;
  computed: {
    opportunities: number;
    matches: number;
    byStatus: Record<MatchStatus, number>;
    insertionHours: number;
  };
  declared: DeclaredFigure[];
}

export const purchasingKeys = {
  all: ['purchasing'] as const,
  buyers: ['purchasing', 'buyers'] as const,
  opportunities: ['purchasing', 'opportunities'] as const,
  opportunity: (id: string) => ['purchasing', 'opportunity', id] as const,
  candidates: (id: string) => ['purchasing', 'candidates', id] as const,
  matches: (opportunityId?: string) => ['purchasing', 'matches', opportunityId ?? 'all'] as const,
  stats: (year: number) => ['purchasing', 'stats', year] as const,
};

const id = (value: string) => encodeURIComponent(value);

export function useBuyers(enabled = true) {
  return useQuery({
    queryKey: purchasingKeys.buyers,
    queryFn: ({ signal }) => api<{ items: Buyer[] }>('/api/purchasing/buyers', { signal }),
    enabled,
  });
}

export function useOpportunities() {
  return useQuery({
    queryKey: purchasingKeys.opportunities,
    queryFn: ({ signal }) => api<{ items: Opportunity[] }>('/api/purchasing/opportunities', { signal }),
  });
}

export function useOpportunity(opportunityId: string) {
  return useQuery({
    queryKey: purchasingKeys.opportunity(opportunityId),
    queryFn: ({ signal }) =>
      api<Opportunity>(`/api/purchasing/opportunities/${id(opportunityId)}`, { signal }),
  });
}

export function useCandidates(opportunityId: string, enabled: boolean) {
  return useQuery({
    queryKey: purchasingKeys.candidates(opportunityId),
    queryFn: ({ signal }) =>
      api<{ items: Candidate[] }>(`/api/purchasing/opportunities/${id(opportunityId)}/candidates`, {
        signal,
      }),
    enabled,
  });
}

const matchesQuery = (opportunityId?: string) => (opportunityId ? `?opportunityId=${id(opportunityId)}` : '');

export function useMatches(opportunityId?: string) {
  return useQuery({
    queryKey: purchasingKeys.matches(opportunityId),
    queryFn: ({ signal }) =>
      api<{ items: Match[] }>(`/api/purchasing/matches${matchesQuery(opportunityId)}`, { signal }),
  });
}

export function useStats(year: number, enabled = true) {
  return useQuery({
    queryKey: purchasingKeys.stats(year),
    queryFn: ({ signal }) => api<PurchasingStats>(`/api/purchasing/stats?year=${year}`, { signal }),
    enabled,
  });
}

export const exportUrls = {
  buyers: '/api/purchasing/buyers.xlsx',
  opportunities: '/api/purchasing/opportunities.xlsx',
  matches: (opportunityId?: string) => `/api/purchasing/matches.xlsx${matchesQuery(opportunityId)}`,
};

export const saveBuyer = (buyerId: string | null, body: object) =>
  buyerId
    ? api<Buyer>(`/api/purchasing/buyers/${id(buyerId)}`, { method: 'PUT', body })
    : api<Buyer>('/api/purchasing/buyers', { method: 'POST', body });

export const deleteBuyer = (buyerId: string) =>
  api<void>(`/api/purchasing/buyers/${id(buyerId)}`, { method: 'DELETE' });

export const saveOpportunity = (opportunityId: string | null, body: object) =>
  opportunityId
    ? api<Opportunity>(`/api/purchasing/opportunities/${id(opportunityId)}`, { method: 'PUT', body })
    : api<Opportunity>('/api/purchasing/opportunities', { method: 'POST', body });

export const deleteOpportunity = (opportunityId: string) =>
  api<void>(`/api/purchasing/opportunities/${id(opportunityId)}`, { method: 'DELETE' });

export const putForward = (opportunityId: string, organisationIds: string[]) =>
  api<{ items: Match[] }>(`/api/purchasing/opportunities/${id(opportunityId)}/matches`, {
    method: 'POST',
    body: { organisationIds },
  });

export const updateMatch = (matchId: string, body: object) =>
  api<Match>(`/api/purchasing/matches/${id(matchId)}`, { method: 'PATCH', body });
