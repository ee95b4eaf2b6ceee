import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api';

export type DuesBasis = 'flat' | 'etp' | 'revenue';
export type DuesStatus = 'paid' | 'partial' | 'unpaid';

export interface DuesRule {
  /** A convention type, or null for any type. */
  conventionType: string | null;
  /** Inclusive lower bound of the basis value; null = none. */
  from: number | null;
  /** Exclusive upper bound; null = none. */
  to: number | null;
  amount: number;
}

export interface DuesGrid {
  year: number;
  basis: DuesBasis;
  rules: DuesRule[];
  note: string | null;
}

export interface DuesCall {
  id: string;
  basisValue: number | null;
  amountCalled: number;
  calledOn: string;
  amountPaid: number;
  paidOn: string | null;
  note: string | null;
  status: DuesStatus;
}

export interface DuesItem {
  organisationId: string;
  organisationName: string;
  types: string[];
  call: DuesCall | null;
}

export interface DuesYear {
  year: number;
  hasGrid: boolean;
  items: DuesItem[];
  totals: { called: number; paid: number; outstanding: number };
}

export interface CallAllResult {
  called: number;
  skipped: { organisationId: string; organisationName: string }[];
}

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

export function putGrid(year: number, body: { basis: DuesBasis; rules: DuesRule[]; note: string | null }) {
  return api<DuesGrid>(`/api/dues/grids/${year}`, { method: 'PUT', body });
}

export function callAll(year: number) {
  return api<CallAllResult>('/api/dues/calls/all', { method: 'POST', body: { year } });
}

export function callOne(body: {
  organisationId: string;
  year: number;
  basisValue?: number;
  amount?: number;
}) {
  return api<DuesCall>('/api/dues/calls', { method: 'POST', body });
}

export function recordPayment(
  id: string,
  body: { amountPaid: number; paidOn: string | null; note: string | null },
) {
  return api<DuesCall>(`/api/dues/calls/${id}`, { method: 'PATCH', body });
}
