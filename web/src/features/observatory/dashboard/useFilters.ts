import { useSearchParams } from 'react-router';
import type { DashboardFilters } from './api';

// The report's four headline figures: what the page shows before anything is chosen.
export const DEFAULT_INDICATORS = ['membersAnswering', 'revenue', 'payroll', 'persons'];

const year = (text: string | null) => {
  const value = Number.parseInt(text ?? '', 10);
  return value >= 1990 && value <= 2100 ? value : undefined;
};

function parse(search: URLSearchParams): DashboardFilters {
  const listed = search.get('indicateurs');
  return {
    indicators: listed === null ? DEFAULT_INDICATORS : listed.split(',').filter(Boolean),
    from: year(search.get('de')),
    to: year(search.get('a')),
    type: search.get('type') ?? undefined,
    department: search.get('departement') ?? undefined,
    include: search.get('transmises') === '1' ? 'submitted' : undefined,
  };
}

function toParams(next: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  params.set('indicateurs', next.indicators.join(','));
  if (next.from) params.set('de', String(next.from));
  if (next.to) params.set('a', String(next.to));
  if (next.type) params.set('type', next.type);
  if (next.department) params.set('departement', next.department);
  if (next.include) params.set('transmises', '1');
  return params;
}

/**
 * The dashboard's selection lives in the URL (`?indicateurs=revenue,persons&de=2023…`), so it
 * can be shared. A change is merged into the URL as it is at that moment, not as it was when
 * the page last rendered: two quick changes in a row both stay.
 */
export function useDashboardFilters(): [DashboardFilters, (patch: Partial<DashboardFilters>) => void] {
  const [search, setSearch] = useSearchParams();
  // React Router's functional update sees the params of the last render, not the URL of
  // the moment: read the address bar itself.
  const update = (patch: Partial<DashboardFilters>) =>
    setSearch(toParams({ ...parse(new URLSearchParams(window.location.search)), ...patch }), {
      replace: true,
    });
  return [parse(search), update];
}
