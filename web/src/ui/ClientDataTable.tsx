import { type Column, DataTable } from './DataTable';
import { TablePagination } from './TablePagination';
import type { ClientTable } from './useClientTable';

interface Props<T> {
  /** Read by screen readers only: the section heading above already says it. */
  caption: string;
  columns: Column<T>[];
  table: ClientTable<T>;
  rowKey: (row: T) => string;
  emptyMessage: string;
  /** Leaves out the count and page links while every row fits on one page. */
  pagingOnlyWhenNeeded?: boolean;
}

/** A table sorted and paged in the browser by useClientTable, with its count and page links. */
export function ClientDataTable<T>({
  caption,
  columns,
  table,
  rowKey,
  emptyMessage,
  pagingOnlyWhenNeeded,
}: Props<T>) {
  const paging = !pagingOnlyWhenNeeded || table.total > table.pageSize;
  return (
    <>
      <DataTable
        caption={caption}
        captionHidden
        columns={columns}
        rows={table.rows}
        rowKey={rowKey}
        sort={table.sort}
        onSortChange={table.onSortChange}
        emptyMessage={emptyMessage}
      />
      {paging && (
        <TablePagination
          total={table.total}
          page={table.page}
          pageSize={table.pageSize}
          onPageChange={table.onPageChange}
        />
      )}
    </>
  );
}
