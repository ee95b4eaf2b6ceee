import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataTable';
import type { Option } from '../../ui/FormField';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { EditDeleteButtons } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import {
  deleteProgressAction,
  exportUrls,
  type ProgressAction,
  qualityKeys,
  useProgressActions,
} from './api';
import { ProgressActionDialog } from './dialogs';

const accessors = { title: (a: ProgressAction) => a.title, dueOn: (a: ProgressAction) => a.dueOn ?? '' };

/** The member's progress plan: actions, owner, due date, state. */
export function PlanSection({ criteria, assessmentId }: { criteria: Option[]; assessmentId: string | null }) {
  const queryClient = useQueryClient();
  const actions = useProgressActions();
  const [editing, setEditing] = useState<ProgressAction | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<ProgressAction | null>(null);
  const table = useClientTable(actions.data ?? [], accessors, { key: 'dueOn', direction: 'asc' });
  const criterionLabel = new Map(criteria.map((c) => [c.value, c.label]));
  const columns: Column<ProgressAction>[] = [
    {
      key: 'title',
      header: t('qualityApproaches.plan.titleField'),
      rowHeader: true,
      sortable: true,
      render: (a) => a.title,
    },
    {
      key: 'criterion',
      header: t('qualityApproaches.plan.criterion'),
      render: (a) =>
        a.criterionId ? (criterionLabel.get(a.criterionId) ?? a.criterionId) : t('common.none'),
    },
    { key: 'owner', header: t('qualityApproaches.plan.owner'), render: (a) => a.owner ?? t('common.none') },
    {
      key: 'dueOn',
      header: t('qualityApproaches.plan.dueOn'),
      sortable: true,
      nowrap: true,
      render: (a) => formatDate(a.dueOn),
    },
    {
      key: 'status',
      header: t('qualityApproaches.plan.status'),
      render: (a) => t(`qualityApproaches.plan.status.${a.status}`),
    },
    {
      key: 'edit',
      header: t('common.actions'),
      render: (a) => (
        <EditDeleteButtons
          onEdit={() => setEditing(a)}
          editLabel={t('qualityApproaches.plan.editOf', { name: a.title })}
          onDelete={() => setDeleting(a)}
          deleteLabel={t('qualityApproaches.plan.deleteOf', { name: a.title })}
        />
      ),
    },
  ];
  return (
    <Section
      title={t('qualityApproaches.plan.title')}
      actions={
        <>
          <Button component="a" href={exportUrls.actions} download variant="default">
            {t('qualityApproaches.export')}
          </Button>
          <Button onClick={() => setEditing(null)}>{t('qualityApproaches.plan.create')}</Button>
        </>
      }
    >
      <QueryState query={actions}>
        <ClientDataTable
          caption={t('qualityApproaches.plan.title')}
          columns={columns}
          table={table}
          rowKey={(a) => a.id}
          emptyMessage={t('qualityApproaches.plan.empty')}
        />
      </QueryState>
      <ProgressActionDialog
        editing={editing}
        onClose={() => setEditing(undefined)}
        criteria={criteria}
        assessmentId={assessmentId}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('qualityApproaches.plan.deleteTitle')}
        message={t('qualityApproaches.plan.deleteMessage', { name: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await deleteProgressAction(deleting.id);
          await queryClient.invalidateQueries({ queryKey: qualityKeys.actions });
        }}
      />
    </Section>
  );
}
