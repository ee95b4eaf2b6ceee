import { Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';
import classes from './DataTable.module.css';

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Makes the header a button that sorts by this key. */
  sortable?: boolean;
  /** Direction of the first click (dates read best newest first). */
  firstDirection?: SortDirection;
  /** The cell that names the row is a row header for screen readers. */
  rowHeader?: boolean;
  width?: number | string;
  /** Keeps short values (phones, dates, statuses) on one line. */
  nowrap?: boolean;
}

/** What any table of rows is given. */
export interface TableProps<T> {
  caption: string;
  /** Hide the caption visually (a heading above already says it) while keeping it for screen readers. */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}

interface Props<T> extends TableProps<T> {
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  emptyMessage?: string;
}

/** Accessible table: a caption, column headers with `aria-sort`, sorting through header buttons. */
export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  sort,
  onSortChange,
  emptyMessage,
}: Props<T>) {
  const toggle = (column: Column<T>) => {
    if (!onSortChange) return;
    const direction: SortDirection =
      sort?.key === column.key
        ? sort.direction === 'asc'
          ? 'desc'
          : 'asc'
        : (column.firstDirection ?? 'asc');
    onSortChange({ key: column.key, direction });
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
        <TableCaption caption={caption} hidden={captionHidden} />
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => {
              const active = sort?.key === column.key;
              const ariaSort = active
                ? sort.direction === 'asc'
                  ? 'ascending'
                  : 'descending'
                : column.sortable
                  ? 'none'
                  : undefined;
              return (
                <Table.Th key={column.key} scope="col" aria-sort={ariaSort} style={{ width: column.width }}>
                  {column.sortable && onSortChange ? (
                    <UnstyledButton className={classes.sortButton} onClick={() => toggle(column)}>
                      {column.header}
                      <span aria-hidden="true" className={classes.sortIcon} data-active={active || undefined}>
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </UnstyledButton>
                  ) : (
                    column.header
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" size="sm">
                  {emptyMessage ?? t('table.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                <RowCells row={row} columns={columns} rowHeaderClassName={classes.rowHeader} />
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A table's caption, or its words for screen readers only. */
export function TableCaption({ caption, hidden }: { caption: string; hidden?: boolean }) {
  return <caption className={hidden ? classes.hiddenCaption : classes.caption}>{caption}</caption>;
}

interface RowCellsProps<T> {
  row: T;
  columns: Column<T>[];
  rowHeaderClassName?: string;
}

/** The cells of one row: the one that names the row is its header, for screen readers. */
export function RowCells<T>({ row, columns, rowHeaderClassName }: RowCellsProps<T>) {
  return columns.map((column) =>
    column.rowHeader ? (
      <Table.Th key={column.key} scope="row" className={rowHeaderClassName}>
        {column.render(row)}
      </Table.Th>
    ) : (
      <Table.Td key={column.key} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
        {column.render(row)}
      </Table.Td>
    ),
  );
}
