import { useMemo, useState } from 'react';
import type { SortState } from './DataTable';

type Accessor<T> = (row: T) => string | number | null | undefined;

const collator = new Intl.Collator('fr-FR', { sensitivity: 'base', numeric: true });

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1;
  if (b == null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorting and paging in the browser, for short lists the API returns whole (users, board, invitations). */
export function useClientTable<T>(
  rows: T[],
  accessors: Record<string, Accessor<T>>,
  initialSort: SortState | null,
  pageSize = 25,
) {
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => {
    const accessor = sort ? accessors[sort.key] : undefined;
    if (!sort || !accessor) return rows;
    const factor = sort.direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => factor * compare(accessor(a), accessor(b)));
  }, [rows, sort, accessors]);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages);
  return {
    sort,
    onSortChange: (next: SortState) => {
      setSort(next);
      setPage(1);
    },
    page: current,
    onPageChange: setPage,
    pageSize,
    total: sorted.length,
    rows: sorted.slice((current - 1) * pageSize, current * pageSize),
  };
}

export type ClientTable<T> = ReturnType<typeof useClientTable<T>>;
