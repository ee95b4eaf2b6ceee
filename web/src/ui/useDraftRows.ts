import { useRef, useState } from 'react';

/**
 * The rows of a list being edited in a form (a grid's rules, a template's questions). Each row has
 * a key of its own, so that React keeps each row's inputs when rows are added, removed or moved.
 */
export function useDraftRows<T, D extends { key: number }>(
  items: T[] | undefined,
  toDraft: (item: T | undefined, key: number) => D,
) {
  const nextKey = useRef(0);
  const draft = (item?: T) => toDraft(item, nextKey.current++);
  const [rows, setRows] = useState<D[]>(() => (items ? items.map((item) => draft(item)) : [draft()]));
  return {
    rows,
    setRows,
    add: () => setRows((current) => [...current, draft()]),
    change: (key: number, patch: Partial<D>) =>
      setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row))),
    remove: (key: number) => setRows((current) => current.filter((row) => row.key !== key)),
  };
}
