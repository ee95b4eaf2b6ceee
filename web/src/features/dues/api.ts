import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api';
import type { Body, Schema } from '../../app/contract';

export type DuesBasis = Schema<'DuesBasis'>;
export type DuesStatus = Schema<'DuesStatus'>;
export type DuesGrid = Schema<'DuesGrid'>;
export type DuesRule = DuesGrid['rules'][number];
export type DuesCall = Schema<'DuesCall'>;
export type DuesYear = Schema<'DuesYear'>;
export type DuesItem = DuesYear['items'][number];
export type CallAllResult = Schema<'DuesCallAllResult'>;

export const duesKeys = {
  all: ['dues'] as const,
  grid: (year: number) => ['dues', 'grid', year] as const,
  year: (year: number) => ['dues', 'year', year] as const,
};

/** The grid of a year, or null when none is defined yet (the API answers 404 `dues.no_grid`). */
export function useDuesGrid(year: number) {
  return useQuery({
    queryKey: duesKeys.grid(year),
    queryFn: async ({ signal }) => {
      try {
        return await api<DuesGrid>(`/api/dues/grids/${year}`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'dues.no_grid') return null;
        throw error;
      }
    },
  });
}

export function useDuesYear(year: number) {
  return useQuery({
    queryKey: duesKeys.year(year),
    queryFn: ({ signal }) => api<DuesYear>(`/api/dues?year=${year}`, { signal }),
  });
}

export function putGrid(year: number, body: Body<'/api/dues/grids/{year}', 'put'>) {
  return api<DuesGrid>(`/api/dues/grids/${year}`, { method: 'PUT', body });
}

export function callAll(year: number) {
  return api<CallAllResult>('/api/dues/calls/all', { method: 'POST', body: { year } });
}

export function callOne(body: Body<'/api/dues/calls', 'post'>) {
  return api<DuesCall>('/api/dues/calls', { method: 'POST', body });
}

export function recordPayment(id: string, body: Body<'/api/dues/calls/{id}', 'patch'>) {
  return api<DuesCall>(`/api/dues/calls/${id}`, { method: 'PATCH', body });
}
