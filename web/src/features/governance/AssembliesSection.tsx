import { Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { formatDate, orDash } from '../../ui/format';
import { type FormValues, submitPatch, textValues, toCreateBody } from '../../ui/formValues';
import { QueryState } from '../../ui/QueryState';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { type GeneralAssembly, governanceKeys, saveAssembly, useAssemblies } from './api';

const fields: FieldSpec[] = [
  { name: 'heldOn', kind: 'date', label: t('governance.assembly.heldOn'), required: true },
  {
    name: 'kind',
    kind: 'select',
    label: t('governance.assembly.kind'),
    required: true,
    options: [
      { value: 'ordinary', label: t('governance.assembly.kind.ordinary') },
      { value: 'extraordinary', label: t('governance.assembly.kind.extraordinary') },
    ],
  },
  { name: 'place', kind: 'text', label: t('governance.assembly.place') },
  { name: 'hosts', kind: 'text', label: t('governance.assembly.hosts') },
  { name: 'decisions', kind: 'textarea', label: t('governance.assembly.decisions') },
  { name: 'elections', kind: 'textarea', label: t('governance.assembly.elections') },
  { name: 'source', kind: 'text', label: t('governance.assembly.source') },
];
const keys = ['heldOn', 'kind', 'place', 'hosts', 'decisions', 'elections', 'source'] as const;

/** General assemblies, newest first; admin and staff record and correct them. */
export function AssembliesSection({ write }: { write: boolean }) {
  const assemblies = useAssemblies();
  const queryClient = useQueryClient();
  // undefined: closed; null: a new assembly; a record: editing it.
  const [editing, setEditing] = useState<GeneralAssembly | null | undefined>(undefined);
  const items = assemblies.data?.items ?? [];

  const initial: FormValues = editing ? textValues(editing, keys) : { kind: 'ordinary' };
  const submit = async (values: FormValues) => {
    if (editing) await submitPatch(values, initial, (body) => saveAssembly(editing.id, body));
    else await saveAssembly(null, toCreateBody(values));
    await queryClient.invalidateQueries({ queryKey: governanceKeys.all });
  };

  const columns: Column<GeneralAssembly>[] = [
    {
      key: 'heldOn',
      header: t('governance.assembly.heldOn'),
      rowHeader: true,
      nowrap: true,
      render: (a) => formatDate(a.heldOn),
    },
    {
      key: 'kind',
      header: t('governance.assembly.kind'),
      render: (a) => t(`governance.assembly.kind.${a.kind}`),
    },
    { key: 'place', header: t('governance.assembly.place'), render: (a) => orDash(a.place) },
    { key: 'hosts', header: t('governance.assembly.hosts'), render: (a) => orDash(a.hosts) },
    { key: 'decisions', header: t('governance.assembly.decisions'), render: (a) => orDash(a.decisions) },
    { key: 'elections', header: t('governance.assembly.elections'), render: (a) => orDash(a.elections) },
  ];
  if (write)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (a) => (
        <RowButton
          onClick={() => setEditing(a)}
          label={t('governance.assembly.editOf', { date: formatDate(a.heldOn) })}
        >
          {t('common.edit')}
        </RowButton>
      ),
    });

  return (
    <Section
      title={t('governance.assembly.title')}
      actions={
        write && (
          <Button size="sm" onClick={() => setEditing(null)}>
            {t('governance.assembly.add')}
          </Button>
        )
      }
    >
      <QueryState query={assemblies}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('governance.assembly.empty')}</Text>
        ) : (
          <DataTable
            caption={t('governance.assembly.title')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(a) => a.id}
          />
        )}
      </QueryState>
      <FormModal
        opened={editing !== undefined}
        title={editing ? t('governance.assembly.edit') : t('governance.assembly.add')}
        fields={fields}
        initialValues={initial}
        onClose={() => setEditing(undefined)}
        onSubmit={submit}
      />
    </Section>
  );
}
