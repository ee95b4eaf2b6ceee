import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ActionFilters } from './api';

const filterKeys = [
  'year',
  'month',
  'kind',
  'theme',
  'department',
  'partnerId',
  'organisationId',
  'visibility',
  'q',
] as const satisfies readonly (keyof ActionFilters)[];

/**
 * The list's filters live in the URL under the API's own names, so a filtered list can be
 * shared and survives a reload; empty filters are left out. Any change but the page itself
 * goes back to page 1.
 */
export function useActionParams() {
  const [search, setSearch] = useSearchParams();
  const filters: ActionFilters = useMemo(
    () =>
      Object.fromEntries(filterKeys.map((key) => [key, search.get(key) ?? ''])) as unknown as ActionFilters,
    [search],
  );
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);

  const update = useCallback(
    (patch: Partial<ActionFilters> & { page?: number }, options: { replace?: boolean } = {}) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const key of filterKeys) {
            const value = patch[key];
            if (value === undefined) continue;
            if (value === '') next.delete(key);
            else next.set(key, value);
          }
          if (patch.page !== undefined && patch.page > 1) next.set('page', String(patch.page));
          else next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearch],
  );
  const reset = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  /** The filters actually set, as the API and the export take them. */
  const active = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(filters).filter(([, value]) => value !== ''),
      ) as Partial<ActionFilters>,
    [filters],
  );
  return { filters, active, page, update, reset, hasFilters: search.size > 0 };
}
