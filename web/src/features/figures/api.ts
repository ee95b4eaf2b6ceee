import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export type FigureUnit = 'count' | 'hours' | 'euros' | 'percent';
export const figureUnits: readonly FigureUnit[] = ['count', 'hours', 'euros', 'percent'];

/** A total a source states (the yearly report's "101 stagiaires"), with that source. */
export interface DeclaredFigure {
  year: number;
  key: string;
  value: number;
  unit: FigureUnit;
  label: string;
  source: string;
  updatedAt: string;
}

export const figuresKeys = {
  all: ['figures'] as const,
  year: (year: number) => ['figures', 'declared', year] as const,
};

export function useDeclaredFigures(year: number) {
  return useQuery({
    queryKey: figuresKeys.year(year),
    queryFn: ({ signal }) =>
      api<{ year: number; items: DeclaredFigure[] }>(`/api/figures/declared?year=${year}`, { signal }),
  });
}

const figureUrl = (year: number, key: string) => `/api/figures/declared/${year}/${encodeURIComponent(key)}`;

export function putFigure(
  year: number,
  key: string,
  body: { value: number; unit: FigureUnit; label: string; source: string },
) {
  return api<DeclaredFigure>(figureUrl(year, key), { method: 'PUT', body });
}

export function deleteFigure(year: number, key: string) {
  return api<void>(figureUrl(year, key), { method: 'DELETE' });
}
