import { Table } from '@mantine/core';
import { RowCells, TableCaption, type TableProps } from '../../../ui/DataTable';

/**
 * The figures of a chart, as a compact table beside it: no minimum width (DataTable's
 * would put a scrolling region in a half-width column), a caption, column and row headers.
 */
export function FigureTable<T>({ caption, captionHidden, columns, rows, rowKey }: TableProps<T>) {
  return (
    <Table verticalSpacing={4} fz="sm" striped>
      <TableCaption caption={caption} hidden={captionHidden} />
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
            <RowCells row={row} columns={columns} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
