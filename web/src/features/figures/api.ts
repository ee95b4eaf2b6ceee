import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Answer, Body, Schema } from '../../app/contract';

export type FigureUnit = Schema<'FigureUnit'>;
export const figureUnits = ['count', 'hours', 'euros', 'percent'] as const satisfies readonly FigureUnit[];

/** A total a source states (the yearly report's "101 stagiaires"), with that source. */
export type DeclaredFigure = Schema<'DeclaredFigure'>;

export const figuresKeys = {
  all: ['figures'] as const,
  year: (year: number) => ['figures', 'declared', year] as const,
};

export function useDeclaredFigures(year: number) {
  return useQuery({
    queryKey: figuresKeys.year(year),
    queryFn: ({ signal }) =>
      api<Answer<'/api/figures/declared'>>(`/api/figures/declared?year=${year}`, { signal }),
  });
}

const figureUrl = (year: number, key: string) => `/api/figures/declared/${year}/${encodeURIComponent(key)}`;

export function putFigure(
  year: number,
  key: string,
  body: Body<'/api/figures/declared/{year}/{key}', 'put'>,
) {
  return api<DeclaredFigure>(figureUrl(year, key), { method: 'PUT', body });
}

export function deleteFigure(year: number, key: string) {
  return api<void>(figureUrl(year, key), { method: 'DELETE' });
}
