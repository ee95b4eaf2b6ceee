import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Column, DataTable } from './DataTable';
import { Section } from './Section';

interface Props<T> {
  title: string;
  /** The section's buttons (add…). */
  actions?: ReactNode;
  /** Said instead of an empty table. */
  emptyMessage: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Above the table (a note on how the rows count). */
  intro?: ReactNode;
  /** The section's dialogs. */
  children?: ReactNode;
}

/** A section that lists rows as a table captioned by the section's title, or says there are none. */
export function TableSection<T>({
  title,
  actions,
  emptyMessage,
  rows,
  columns,
  rowKey,
  intro,
  children,
}: Props<T>) {
  return (
    <Section title={title} actions={actions}>
      {intro}
      {rows.length === 0 ? (
        <Text c="dimmed">{emptyMessage}</Text>
      ) : (
        <DataTable caption={title} captionHidden columns={columns} rows={rows} rowKey={rowKey} />
      )}
      {children}
    </Section>
  );
}
