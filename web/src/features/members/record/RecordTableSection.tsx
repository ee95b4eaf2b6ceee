import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../../../i18n';
import type { Column } from '../../../ui/DataTable';
import { actionsColumn, RowButton } from '../../../ui/RowActions';
import { TableSection } from '../../../ui/TableSection';

interface Props<T> {
  title: string;
  addLabel: string;
  emptyMessage: string;
  rows: T[];
  columns: Column<T>[];
  /** Without it, the section is read-only: no add button and no actions column. */
  editable: boolean;
  onAdd: () => void;
  rowActions: (row: T) => ReactNode;
  /** The add, edit and delete dialogs. */
  children?: ReactNode;
}

/** A list of a record's rows (conventions, membership periods, contacts) as a table, with row actions. */
export function RecordTableSection<T extends { id: string }>({
  title,
  addLabel,
  emptyMessage,
  rows,
  columns,
  editable,
  onAdd,
  rowActions,
  children,
}: Props<T>) {
  const shown = editable
    ? [
        ...columns,
        actionsColumn<T>((row) => (
          <Group gap={4} wrap="nowrap">
            {rowActions(row)}
          </Group>
        )),
      ]
    : columns;
  return (
    <TableSection
      title={title}
      actions={
        editable && (
          <Button size="xs" variant="light" onClick={onAdd}>
            {addLabel}
          </Button>
        )
      }
      emptyMessage={emptyMessage}
      rows={rows}
      columns={shown}
      rowKey={(row) => row.id}
    >
      {children}
    </TableSection>
  );
}

interface ButtonProps {
  /** Names the row too ("Modifier le contact Jeanne Martin"): every row has the same visible text. */
  label: string;
  onClick: () => void;
}

export function EditRowButton({ label, onClick }: ButtonProps) {
  return (
    <RowButton size="xs" onClick={onClick} label={label}>
      {t('common.edit')}
    </RowButton>
  );
}

export function DeleteRowButton({ label, onClick }: ButtonProps) {
  return (
    <RowButton size="xs" danger onClick={onClick} label={label}>
      {t('common.delete')}
    </RowButton>
  );
}
