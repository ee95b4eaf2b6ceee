import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Body, Schema } from '../../app/contract';

export type BuyerSector = Schema<'PurchasingBuyerSector'>;
export type OpportunityKind = Schema<'PurchasingOpportunityKind'>;
export type OpportunityStatus = Schema<'PurchasingOpportunityStatus'>;
export type MatchStatus = Schema<'PurchasingMatchStatus'>;

// The order the pages list them in; `satisfies` keeps them to the server's values.
export const matchStatuses: MatchStatus[] = ['proposed', 'sent', 'interested', 'quote_sent', 'won', 'lost'];
/** What a member user may say of its own follow-up. */
export const memberMatchStatuses: MatchStatus[] = ['interested', 'quote_sent'];

export type Buyer = Schema<'PurchasingBuyer'>;
export type Opportunity = Schema<'PurchasingOpportunity'>;
export type Candidate = Schema<'PurchasingCandidateList'>['items'][number];
export type Match = Schema<'PurchasingMatch'>;
export type PurchasingStats = Schema<'PurchasingStats'>;
export type DeclaredFigure = PurchasingStats['declared'][number];

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
    queryFn: ({ signal }) => api<Schema<'PurchasingBuyerList'>>('/api/purchasing/buyers', { signal }),
    enabled,
  });
}

export function useOpportunities() {
  return useQuery({
    queryKey: purchasingKeys.opportunities,
    queryFn: ({ signal }) =>
      api<Schema<'PurchasingOpportunityList'>>('/api/purchasing/opportunities', { signal }),
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
      api<Schema<'PurchasingCandidateList'>>(
        `/api/purchasing/opportunities/${id(opportunityId)}/candidates`,
        {
          signal,
        },
      ),
    enabled,
  });
}

const matchesQuery = (opportunityId?: string) => (opportunityId ? `?opportunityId=${id(opportunityId)}` : '');

export function useMatches(opportunityId?: string) {
  return useQuery({
    queryKey: purchasingKeys.matches(opportunityId),
    queryFn: ({ signal }) =>
      api<Schema<'PurchasingMatchList'>>(`/api/purchasing/matches${matchesQuery(opportunityId)}`, { signal }),
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
  api<Schema<'PurchasingMatchList'>>(`/api/purchasing/opportunities/${id(opportunityId)}/matches`, {
    method: 'POST',
    body: { organisationIds },
  });

export const updateMatch = (matchId: string, body: Body<'/api/purchasing/matches/{id}', 'patch'>) =>
  api<Match>(`/api/purchasing/matches/${id(matchId)}`, { method: 'PATCH', body });
