import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DirectoryFilters } from './api';

const departmentCode = /^(\d{2,3}|2[AB])$/;

/**
 * The directory's filters and page live in the URL under the API's names (`?department=&type=&q=&activity=&page=`),
 * so a filtered directory can be shared and survives a reload. A malformed department is ignored.
 */
export function directoryFiltersOf(search: URLSearchParams): DirectoryFilters {
  const department = (search.get('department') ?? '').toUpperCase();
  return {
    department: departmentCode.test(department) ? department : '',
    type: search.get('type') ?? '',
    q: search.get('q') ?? '',
    activity: search.get('activity') ?? '',
  };
}

export const directoryPageOf = (search: URLSearchParams) =>
  Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);

export function useDirectoryParams() {
  const [search, setSearch] = useSearchParams();
  const filters: DirectoryFilters = useMemo(() => directoryFiltersOf(search), [search]);

  const update = useCallback(
    (patch: Partial<DirectoryFilters>, options: { replace?: boolean } = {}) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('page');
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearch],
  );
  // Any filter change starts again from the first page.
  const page = directoryPageOf(search);
  const goToPage = useCallback(
    (next: number) =>
      setSearch((current) => {
        const params = new URLSearchParams(current);
        if (next > 1) params.set('page', String(next));
        else params.delete('page');
        return params;
      }),
    [setSearch],
  );
  const reset = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  const hasFilters = [...search.keys()].some((key) => key !== 'page');
  return { filters, page, goToPage, update, reset, hasFilters };
}
