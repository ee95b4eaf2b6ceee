import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListParams, MembershipFilter, OrganisationSort } from '../types';

export const PAGE_SIZE = 25;
const DEFAULTS = { membership: 'current', sort: 'name' } as const;
const memberships: readonly MembershipFilter[] = ['current', 'former', 'none', 'all'];
const sorts: readonly OrganisationSort[] = [
  'name',
  '-name',
  'department',
  '-department',
  'updated',
  '-updated',
];

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * The list's filters live in the URL, under the API's own names
 * (`?q=&type=&department=&membership=&sort=&page=`), so a filtered list can be shared
 * and survives a reload. Defaults are left out of the URL.
 */
export function useListParams() {
  const [search, setSearch] = useSearchParams();

  const params: ListParams = useMemo(
    () => ({
      q: search.get('q') ?? '',
      type: search.get('type') ?? '',
      department: search.get('department') ?? '',
      membership: pick(search.get('membership'), memberships, DEFAULTS.membership),
      sort: pick(search.get('sort'), sorts, DEFAULTS.sort),
      page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
      pageSize: PAGE_SIZE,
    }),
    [search],
  );

  /** Applies a change; any change but the page itself goes back to page 1. */
  const update = useCallback(
    (patch: Partial<Omit<ListParams, 'pageSize'>>, options: { replace?: boolean } = {}) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          const set = (key: string, value: string | number | undefined, fallback?: string | number) => {
            if (value === undefined) return;
            if (value === '' || value === fallback) next.delete(key);
            else next.set(key, String(value));
          };
          set('q', patch.q);
          set('type', patch.type);
          set('department', patch.department);
          set('membership', patch.membership, DEFAULTS.membership);
          set('sort', patch.sort, DEFAULTS.sort);
          if (patch.page !== undefined) set('page', patch.page, 1);
          else next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearch],
  );

  const reset = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);

  return { params, update, reset, hasFilters: search.size > 0 };
}
