import { Table } from '@mantine/core';
import type { Column } from '../../../ui/DataTable';
import classes from './charts/charts.module.css';

interface Props<T> {
  caption: string;
  /** Hide the caption visually (a heading above already says it), keeping it for screen readers. */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}

/**
 * The figures of a chart, as a compact table beside it: no minimum width (DataTable's
 * would put a scrolling region in a half-width column), a caption, column and row headers.
 */
export function FigureTable<T>({ caption, captionHidden, columns, rows, rowKey }: Props<T>) {
  return (
    <Table verticalSpacing={4} fz="sm" striped>
      <caption className={captionHidden ? classes.hiddenCaption : classes.caption}>{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.key} scope="col">
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <Table.Th key={column.key} scope="row">
                  {column.render(row)}
                </Table.Th>
              ) : (
                <Table.Td key={column.key} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {column.render(row)}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
