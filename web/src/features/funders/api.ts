import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export type FunderKind = 'foundation' | 'endowment' | 'public' | 'company' | 'other';

export interface Funder {
  id: string;
  name: string;
  kind: FunderKind;
  themes: string[];
  /** Department codes, 'region' or 'national'. */
  territories: string[];
  /** Convention types it funds; empty = any structure. */
  beneficiaryTypes: string[];
  amountMin: number | null;
  amountMax: number | null;
  deadlines: string | null;
  website: string | null;
  lastCheckedOn: string | null;
  note: string | null;
  source: string | null;
}

export interface FunderFilters {
  q?: string;
  theme?: string;
  territory?: string;
  beneficiaryType?: string;
  amount?: string;
  checkedBefore?: string;
}

export interface MatchRequest {
  themes: string[];
  department?: string;
  amountSought?: number;
  conventionType?: string;
  organisationId?: string;
}

export interface MatchedFunder extends Funder {
  score: number;
  reasons: string[];
}

export interface MatchResponse {
  project: { themes: string[]; department: string; conventionTypes: string[]; organisationId: string | null };
  items: MatchedFunder[];
}

export const fundersKeys = {
  all: ['funders'] as const,
  list: (filters: FunderFilters) => ['funders', 'list', filters] as const,
};

function query(filters: FunderFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useFunders(filters: FunderFilters) {
  return useQuery({
    queryKey: fundersKeys.list(filters),
    queryFn: ({ signal }) => api<{ items: Funder[] }>(`/api/funders${query(filters)}`, { signal }),
  });
}

export const exportUrl = (filters: FunderFilters) => `/api/funders/export.xlsx${query(filters)}`;

export function saveFunder(id: string | null, body: object): Promise<Funder> {
  return id
    ? api<Funder>(`/api/funders/${encodeURIComponent(id)}`, { method: 'PATCH', body })
    : api<Funder>('/api/funders', { method: 'POST', body });
}

export const deleteFunder = (id: string) =>
  api<void>(`/api/funders/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const matchFunders = (body: MatchRequest) =>
  api<MatchResponse>('/api/funders/match', { method: 'POST', body });
