import { Badge } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { t } from '../../../i18n';
import type { Column } from '../../../ui/DataTable';
import type { FieldSpec } from '../../../ui/FormField';
import { FormModal } from '../../../ui/FormModal';
import { toCreateBody } from '../../../ui/formValues';
import type { RecordWrites } from '../api';
import { conventionTypeOptions, departmentLabel, departmentOptions } from '../labels';
import type { Convention, Organisation, Reference } from '../types';
import { DeleteRowDialog } from './DeleteRowDialog';
import { establishmentLabel } from './establishmentLabel';
import { DeleteRowButton, RecordTableSection } from './RecordTableSection';

interface Props {
  organisation: Organisation;
  reference?: Reference;
  writes: RecordWrites;
  editable: boolean;
}

export function ConventionsSection({ organisation, reference, writes, editable }: Props) {
  const [adding, { open, close }] = useDisclosure(false);
  const [deleting, setDeleting] = useState<Convention | null>(null);
  const establishmentOf = (id: string | null) => organisation.establishments.find((e) => e.id === id);

  const fields: FieldSpec[] = [
    {
      name: 'type',
      label: t('members.convention.type'),
      kind: 'select',
      required: true,
      options: conventionTypeOptions(reference).map((o) => ({
        value: o.value,
        label: o.description ? `${o.value} — ${o.description}` : o.value,
      })),
    },
    {
      name: 'establishmentId',
      label: t('members.convention.establishment'),
      kind: 'select',
      placeholder: t('members.convention.anyEstablishment'),
      options: organisation.establishments.map((e) => ({ value: e.id, label: establishmentLabel(e) })),
    },
    {
      name: 'departments',
      label: t('members.convention.departments'),
      kind: 'multiselect',
      options: departmentOptions(reference),
    },
  ];

  const columns: Column<Convention>[] = [
    {
      key: 'type',
      header: t('members.convention.type'),
      rowHeader: true,
      render: (row) => <Badge variant="outline">{row.type}</Badge>,
    },
    {
      key: 'establishment',
      header: t('members.convention.establishment'),
      render: (row) =>
        row.establishmentId
          ? establishmentLabel(establishmentOf(row.establishmentId))
          : t('members.convention.anyEstablishment'),
    },
    {
      key: 'departments',
      header: t('members.convention.departments'),
      render: (row) =>
        row.departments.length
          ? row.departments.map((d) => departmentLabel(d, reference)).join(', ')
          : t('common.none'),
    },
  ];

  return (
    <RecordTableSection
      title={t('members.record.conventions')}
      addLabel={t('members.record.addConvention')}
      emptyMessage={t('members.record.noConvention')}
      rows={organisation.conventions}
      columns={columns}
      editable={editable}
      onAdd={open}
      rowActions={(row) => (
        <DeleteRowButton
          label={t('members.record.deleteConvention', { type: row.type })}
          onClick={() => setDeleting(row)}
        />
      )}
    >
      <FormModal
        opened={adding}
        onClose={close}
        title={t('members.record.addConvention')}
        fields={fields}
        initialValues={{ type: '', establishmentId: '', departments: [] }}
        onSubmit={(values) => writes.addConvention({ departments: [], ...toCreateBody(values) })}
      />
      <DeleteRowDialog
        row={deleting}
        onClose={() => setDeleting(null)}
        title={(row) => t('members.record.deleteConvention', { type: row.type })}
        message={(row) => t('members.record.confirmDeleteConvention', { type: row.type })}
        onConfirm={(row) => writes.deleteConvention(row.id)}
      />
    </RecordTableSection>
  );
}
