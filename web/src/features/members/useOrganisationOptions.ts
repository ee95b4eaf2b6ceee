import { useMemo } from 'react';
import { useOrganisations } from './api';

/**
 * The delegation's organisations as picker options (one page of 100 covers a delegation),
 * after a "none" option when `noneLabel` is given.
 */
export function useOrganisationOptions(membership: 'current' | 'all', enabled = true, noneLabel?: string) {
  const list = useOrganisations({ membership, sort: 'name', page: 1, pageSize: 100 }, enabled);
  return useMemo(() => {
    const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
    return noneLabel === undefined ? options : [{ value: '', label: noneLabel }, ...options];
  }, [list.data, noneLabel]);
}
