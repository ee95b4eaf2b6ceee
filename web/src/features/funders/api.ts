import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Body, Query, Schema } from '../../app/contract';

export type FunderKind = Schema<'FunderKind'>;
export type Funder = Schema<'Funder'>;
export type MatchRequest = Body<'/api/funders/match', 'post'>;
export type MatchResponse = Schema<'FunderMatch'>;
export type MatchedFunder = MatchResponse['items'][number];

/** The guide's filters as the page holds them: the query's fields, as typed text. */
export type FunderFilters = { [K in keyof Query<'/api/funders'>]?: string };

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
    queryFn: ({ signal }) => api<Schema<'FunderList'>>(`/api/funders${query(filters)}`, { signal }),
  });
}

export const exportUrl = (filters: FunderFilters) => `/api/funders/export.xlsx${query(filters)}`;

export function saveFunder(id: string | null, body: Body<'/api/funders/{id}', 'patch'>): Promise<Funder> {
  return id
    ? api<Funder>(`/api/funders/${encodeURIComponent(id)}`, { method: 'PATCH', body })
    : api<Funder>('/api/funders', { method: 'POST', body });
}

export const deleteFunder = (id: string) =>
  api<void>(`/api/funders/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const matchFunders = (body: MatchRequest) =>
  api<MatchResponse>('/api/funders/match', { method: 'POST', body });
