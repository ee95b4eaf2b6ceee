import { Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormModal } from '../../ui/FormModal';
import { orDash } from '../../ui/format';
import type { FormValues } from '../../ui/formValues';
import { QueryState } from '../../ui/QueryState';
import { EditDeleteButtons } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { deleteGroup, governanceKeys, type MemberGroup, saveGroup, useGroups } from './api';
import { useOrganisationOptions } from './options';

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** Organisations that act together: a structure porteuse and its ACI, a GES and its structures. */
export function GroupsSection({ write }: { write: boolean }) {
  const groups = useGroups();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<MemberGroup | null | undefined>(undefined);
  const [removing, setRemoving] = useState<MemberGroup | null>(null);
  const organisations = useOrganisationOptions(write);
  const items = groups.data?.items ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: governanceKeys.groups });

  const submit = async (values: FormValues) => {
    const organisationIds = Array.isArray(values.organisationIds) ? values.organisationIds : [];
    await saveGroup(editing?.id ?? null, {
      name: text(values, 'name'),
      kind: text(values, 'kind'),
      note: text(values, 'note') || null,
      organisationIds,
    });
    await refresh();
  };

  const columns: Column<MemberGroup>[] = [
    { key: 'name', header: t('governance.group.name'), rowHeader: true, render: (g) => g.name },
    { key: 'kind', header: t('governance.group.kind'), render: (g) => t(`governance.group.kind.${g.kind}`) },
    {
      key: 'organisations',
      header: t('governance.group.organisations'),
      render: (g) => g.organisations.map((o) => o.name).join(', '),
    },
    { key: 'note', header: t('governance.group.note'), render: (g) => orDash(g.note) },
  ];
  if (write)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (g) => (
        <EditDeleteButtons
          onEdit={() => setEditing(g)}
          editLabel={t('governance.group.editOf', { name: g.name })}
          onDelete={() => setRemoving(g)}
          deleteLabel={t('governance.group.deleteOf', { name: g.name })}
        />
      ),
    });

  return (
    <Section
      title={t('governance.group.title')}
      actions={
        write && (
          <Button size="sm" onClick={() => setEditing(null)}>
            {t('governance.group.add')}
          </Button>
        )
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('governance.group.countingNote')}
      </Text>
      <QueryState query={groups}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('governance.group.empty')}</Text>
        ) : (
          <DataTable
            caption={t('governance.group.title')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(g) => g.id}
          />
        )}
      </QueryState>
      <FormModal
        opened={editing !== undefined}
        title={editing ? t('governance.group.edit') : t('governance.group.add')}
        fields={[
          { name: 'name', kind: 'text', label: t('governance.group.name'), required: true },
          {
            name: 'kind',
            kind: 'select',
            label: t('governance.group.kind'),
            required: true,
            options: [
              { value: 'structure_porteuse', label: t('governance.group.kind.structure_porteuse') },
              { value: 'ges', label: t('governance.group.kind.ges') },
            ],
          },
          {
            name: 'organisationIds',
            kind: 'multiselect',
            label: t('governance.group.organisations'),
            description: t('governance.group.organisationsHint'),
            options: organisations,
            required: true,
          },
          { name: 'note', kind: 'textarea', label: t('governance.group.note') },
        ]}
        initialValues={
          editing
            ? {
                name: editing.name,
                kind: editing.kind,
                note: editing.note ?? '',
                organisationIds: editing.organisations.map((o) => o.id),
              }
            : { kind: 'structure_porteuse', organisationIds: [] }
        }
        onClose={() => setEditing(undefined)}
        onSubmit={submit}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('governance.group.deleteTitle')}
        message={t('governance.group.deleteMessage', { name: removing?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteGroup(removing.id);
          await refresh();
        }}
      />
    </Section>
  );
}
