import { Button } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { t } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import type { Column } from './DataTable';
import type { FieldSpec } from './FormField';
import { FormModal } from './FormModal';
import { orDash } from './format';
import type { FormValues } from './formValues';
import { actionsColumn, RowButton } from './RowActions';
import { TableSection } from './TableSection';

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  organisationName: string | null;
  jobTitle: string | null;
}

export const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

interface Props<T extends Person> {
  title: string;
  emptyMessage: string;
  intro?: ReactNode;
  people: T[];
  /** Headers of the name, organisation and job title columns. */
  headers: { name: string; organisation: string; jobTitle: string };
  /** Columns after those three. */
  moreColumns?: Column<T>[];
  /** Without it, the section is read-only. */
  write: boolean;
  add: {
    label: string;
    title: string;
    fields: FieldSpec[];
    initialValues: FormValues;
    onSubmit: (values: FormValues) => Promise<unknown>;
  };
  /** Are the dialogs open (the picker's options load only then)? */
  onAddingChange?: (adding: boolean) => void;
  remove: {
    label: string;
    labelOf: (name: string) => string;
    title: string;
    message: (name: string) => string;
    onConfirm: (person: T) => Promise<unknown>;
  };
}

/** People named on a record (a group's members, a session's trainees): a table, add and remove dialogs. */
export function PeopleSection<T extends Person>({
  title,
  emptyMessage,
  intro,
  people,
  headers,
  moreColumns = [],
  write,
  add,
  onAddingChange,
  remove,
}: Props<T>) {
  const [adding, setAddingState] = useState(false);
  const [removing, setRemoving] = useState<T | null>(null);
  const setAdding = (next: boolean) => {
    setAddingState(next);
    onAddingChange?.(next);
  };
  const columns: Column<T>[] = [
    { key: 'name', header: headers.name, rowHeader: true, render: personName },
    { key: 'organisation', header: headers.organisation, render: (p) => orDash(p.organisationName) },
    { key: 'jobTitle', header: headers.jobTitle, render: (p) => orDash(p.jobTitle) },
    ...moreColumns,
  ];
  if (write)
    columns.push(
      actionsColumn((p) => (
        <RowButton danger onClick={() => setRemoving(p)} label={remove.labelOf(personName(p))}>
          {remove.label}
        </RowButton>
      )),
    );
  return (
    <TableSection
      title={title}
      actions={write && <Button onClick={() => setAdding(true)}>{add.label}</Button>}
      emptyMessage={emptyMessage}
      intro={intro}
      rows={people}
      columns={columns}
      rowKey={(p) => p.id}
    >
      <FormModal
        opened={adding}
        title={add.title}
        fields={add.fields}
        initialValues={add.initialValues}
        onClose={() => setAdding(false)}
        onSubmit={add.onSubmit}
        submitLabel={t('common.add')}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={remove.title}
        message={remove.message(removing ? personName(removing) : '')}
        confirmLabel={remove.label}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await remove.onConfirm(removing);
        }}
      />
    </TableSection>
  );
}
