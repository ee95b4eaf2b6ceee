import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import { type Cohort, exportUrls, useCohorts } from './api';
import { CohortMembersDialog } from './CohortMembersDialog';
import { CohortDialog } from './dialogs';

const accessors = { name: (c: Cohort) => c.name, startsOn: (c: Cohort) => c.startsOn ?? '' };

/** Collective groups of volunteers working towards a label, with their members and sessions. */
export function CohortsSection({ write }: { write: boolean }) {
  const cohorts = useCohorts();
  const [editing, setEditing] = useState<Cohort | null | undefined>(undefined);
  const [staffing, setStaffing] = useState<Cohort | null>(null);
  const table = useClientTable(cohorts.data ?? [], accessors, { key: 'name', direction: 'asc' });
  const columns: Column<Cohort>[] = [
    {
      key: 'name',
      header: t('qualityApproaches.cohort.name'),
      rowHeader: true,
      sortable: true,
      render: (c) => c.name,
    },
    { key: 'programme', header: t('qualityApproaches.cohort.programme'), render: (c) => c.programme },
    {
      key: 'startsOn',
      header: t('qualityApproaches.cohort.startsOn'),
      sortable: true,
      render: (c) => formatDate(c.startsOn),
    },
    {
      key: 'members',
      header: t('qualityApproaches.cohort.members'),
      render: (c) => c.members.map((m) => m.name).join(', ') || t('common.none'),
    },
    {
      key: 'sessions',
      header: t('qualityApproaches.cohort.sessions'),
      render: (c) =>
        c.sessions.map((s) => `${formatDate(s.startsOn)} ${s.title}`).join(' ; ') || t('common.none'),
    },
    {
      key: 'description',
      header: t('qualityApproaches.cohort.description'),
      render: (c) => c.description ?? t('common.none'),
    },
  ];
  if (write)
    columns.push({
      key: 'edit',
      header: t('common.actions'),
      render: (c) => (
        <Group gap={4} wrap="nowrap">
          <RowButton
            onClick={() => setEditing(c)}
            label={t('qualityApproaches.cohort.editOf', { name: c.name })}
          >
            {t('common.edit')}
          </RowButton>
          <RowButton
            onClick={() => setStaffing(c)}
            label={t('qualityApproaches.cohort.membersEditOf', { name: c.name })}
          >
            {t('qualityApproaches.cohort.membersEdit')}
          </RowButton>
        </Group>
      ),
    });
  return (
    <Section
      title={t('qualityApproaches.cohorts.title')}
      actions={
        <>
          <Button component="a" href={exportUrls.cohorts} download variant="default">
            {t('qualityApproaches.export')}
          </Button>
          {write && <Button onClick={() => setEditing(null)}>{t('qualityApproaches.cohort.create')}</Button>}
        </>
      }
    >
      <QueryState query={cohorts}>
        <ClientDataTable
          caption={t('qualityApproaches.cohorts.title')}
          columns={columns}
          table={table}
          rowKey={(c) => c.id}
          emptyMessage={t('qualityApproaches.cohorts.empty')}
        />
      </QueryState>
      <CohortDialog editing={editing} onClose={() => setEditing(undefined)} />
      <CohortMembersDialog cohort={staffing} onClose={() => setStaffing(null)} />
    </Section>
  );
}
