import { Badge, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { t } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../../ui/DataTable';
import type { FieldSpec } from '../../../ui/FormField';
import { FormModal } from '../../../ui/FormModal';
import { toCreateBody } from '../../../ui/formValues';
import { Section } from '../../../ui/Section';
import type { RecordWrites } from '../api';
import { conventionTypeOptions, departmentLabel, departmentOptions } from '../labels';
import type { Convention, Organisation, Reference } from '../types';
import { establishmentLabel } from './establishmentLabel';

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
  if (editable) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (row) => (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => setDeleting(row)}
          aria-label={t('members.record.deleteConvention', { type: row.type })}
        >
          {t('common.delete')}
        </Button>
      ),
    });
  }

  return (
    <Section
      title={t('members.record.conventions')}
      actions={
        editable && (
          <Button size="xs" variant="light" onClick={open}>
            {t('members.record.addConvention')}
          </Button>
        )
      }
    >
      {organisation.conventions.length === 0 ? (
        <Text c="dimmed">{t('members.record.noConvention')}</Text>
      ) : (
        <DataTable
          caption={t('members.record.conventions')}
          captionHidden
          columns={columns}
          rows={organisation.conventions}
          rowKey={(row) => row.id}
        />
      )}
      <FormModal
        opened={adding}
        onClose={close}
        title={t('members.record.addConvention')}
        fields={fields}
        initialValues={{ type: '', establishmentId: '', departments: [] }}
        onSubmit={(values) => writes.addConvention({ departments: [], ...toCreateBody(values) })}
      />
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('members.record.deleteConvention', { type: deleting?.type ?? '' })}
        message={t('members.record.confirmDeleteConvention', { type: deleting?.type ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => (deleting ? writes.deleteConvention(deleting.id) : Promise.resolve())}
      />
    </Section>
  );
}
