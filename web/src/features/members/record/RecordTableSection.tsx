import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../../../i18n';
import { type Column, DataTable } from '../../../ui/DataTable';
import { Section } from '../../../ui/Section';

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
  const shown: Column<T>[] = editable
    ? [
        ...columns,
        {
          key: 'actions',
          header: t('common.actions'),
          render: (row) => (
            <Group gap={4} wrap="nowrap">
              {rowActions(row)}
            </Group>
          ),
        },
      ]
    : columns;
  return (
    <Section
      title={title}
      actions={
        editable && (
          <Button size="xs" variant="light" onClick={onAdd}>
            {addLabel}
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <Text c="dimmed">{emptyMessage}</Text>
      ) : (
        <DataTable caption={title} captionHidden columns={shown} rows={rows} rowKey={(row) => row.id} />
      )}
      {children}
    </Section>
  );
}

interface ButtonProps {
  /** Names the row too ("Modifier le contact Jeanne Martin"): every row has the same visible text. */
  label: string;
  onClick: () => void;
}

export function EditRowButton({ label, onClick }: ButtonProps) {
  return (
    <Button size="xs" variant="subtle" onClick={onClick} aria-label={label}>
      {t('common.edit')}
    </Button>
  );
}

export function DeleteRowButton({ label, onClick }: ButtonProps) {
  return (
    <Button size="xs" variant="subtle" color="red" onClick={onClick} aria-label={label}>
      {t('common.delete')}
    </Button>
  );
}
