import { useSearchParams } from 'react-router';
import type { DashboardFilters } from './api';

// The report's four headline figures: what the page shows before anything is chosen.
export const DEFAULT_INDICATORS = ['membersAnswering', 'revenue', 'payroll', 'persons'];

const year = (text: string | null) => {
  const value = Number.parseInt(text ?? '', 10);
  return value >= 1990 && value <= 2100 ? value : undefined;
};

/** The dashboard's selection lives in the URL (`?indicateurs=revenue,persons&de=2023…`), so it can be shared. */
export function useDashboardFilters(): [DashboardFilters, (next: DashboardFilters) => void] {
  const [search, setSearch] = useSearchParams();
  const listed = search.get('indicateurs');
  const filters: DashboardFilters = {
    indicators: listed === null ? DEFAULT_INDICATORS : listed.split(',').filter(Boolean),
    from: year(search.get('de')),
    to: year(search.get('a')),
    type: search.get('type') ?? undefined,
    department: search.get('departement') ?? undefined,
    include: search.get('transmises') === '1' ? 'submitted' : undefined,
  };
  const update = (next: DashboardFilters) => {
    const params = new URLSearchParams();
    params.set('indicateurs', next.indicators.join(','));
    if (next.from) params.set('de', String(next.from));
    if (next.to) params.set('a', String(next.to));
    if (next.type) params.set('type', next.type);
    if (next.department) params.set('departement', next.department);
    if (next.include) params.set('transmises', '1');
    setSearch(params, { replace: true });
  };
  return [filters, update];
}
