import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../app/api';
import type { Answer, Body, Schema } from '../../../app/contract';

export type Qualifier = Schema<'ObservatoryQualifier'>;
export type IndicatorInfo = Schema<'ObservatoryIndicatorInfo'>;
export type Unit = IndicatorInfo['unit'];
export type Point = Schema<'ObservatoryPoint'>;
export type TypePoint = Schema<'ObservatoryTypePoint'>;
export type Cell = Schema<'ObservatoryCell'>;
export type IndicatorSeries = Schema<'ObservatoryIndicatorSeries'>;
export type ExitRate = Schema<'ObservatoryExitRate'>;
export type Dashboard = Schema<'ObservatoryDashboard'>;
export type DashboardOptions = Schema<'ObservatoryDashboardOptions'>;

export interface DashboardFilters {
  indicators: string[];
  from?: number | undefined;
  to?: number | undefined;
  type?: string | undefined;
  department?: string | undefined;
  include?: 'submitted' | undefined;
}

export type DeclaredAggregate = Schema<'ObservatoryDeclaredAggregate'>;

export type Position = Schema<'ObservatoryPosition'>;
export type PositionItem = Position['items'][number];

export const dashboardKeys = {
  all: ['observatory-dashboard'] as const,
  options: ['observatory-dashboard', 'options'] as const,
  dashboard: (filters: DashboardFilters) => ['observatory-dashboard', 'data', filters] as const,
  declared: ['observatory-dashboard', 'declared'] as const,
  position: (organisationId: string, year?: number, type?: string) =>
    ['observatory-dashboard', 'position', organisationId, year ?? null, type ?? null] as const,
};

/** The filters as the API's query string (also used by the export links). */
export function filterQuery(filters: Omit<DashboardFilters, 'indicators'> & { indicators?: string[] }) {
  return query({
    indicators: filters.indicators?.join(','),
    from: filters.from,
    to: filters.to,
    type: filters.type,
    department: filters.department,
    include: filters.include,
  });
}

export function useDashboardOptions() {
  return useQuery({
    queryKey: dashboardKeys.options,
    queryFn: ({ signal }) => api<DashboardOptions>('/api/observatory/dashboard/options', { signal }),
  });
}

export function useDashboard(filters: DashboardFilters, enabled: boolean) {
  return useQuery({
    queryKey: dashboardKeys.dashboard(filters),
    queryFn: ({ signal }) => api<Dashboard>(`/api/observatory/dashboard${filterQuery(filters)}`, { signal }),
    enabled: enabled && filters.indicators.length > 0,
    placeholderData: (previous) => previous,
  });
}

export function useDeclared() {
  return useQuery({
    queryKey: dashboardKeys.declared,
    queryFn: ({ signal }) =>
      api<Answer<'/api/observatory/declared'>>('/api/observatory/declared', { signal }),
  });
}

const declaredUrl = (year: number, code: string, conventionType: string | null) =>
  `/api/observatory/declared/${year}/${encodeURIComponent(code)}${query({ conventionType })}`;

export function putDeclared(
  year: number,
  code: string,
  body: Body<'/api/observatory/declared/{year}/{indicatorCode}', 'put'>,
) {
  return api<DeclaredAggregate>(declaredUrl(year, code, null), { method: 'PUT', body });
}

export function deleteDeclared(row: Pick<DeclaredAggregate, 'year' | 'indicatorCode' | 'conventionType'>) {
  return api<void>(declaredUrl(row.year, row.indicatorCode, row.conventionType), { method: 'DELETE' });
}

export function usePosition(organisationId: string | null, year?: number, type?: string) {
  return useQuery({
    queryKey: dashboardKeys.position(organisationId ?? '', year, type),
    queryFn: ({ signal }) =>
      api<Position>(
        `/api/observatory/position/${encodeURIComponent(organisationId ?? '')}${query({ year, type })}`,
        { signal },
      ),
    enabled: organisationId !== null,
  });
}
