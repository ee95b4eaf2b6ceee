import { Button, Code, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { EditDeleteButtons } from '../../../ui/RowActions';
import { Section } from '../../../ui/Section';
import {
  type DashboardOptions,
  type DeclaredAggregate,
  dashboardKeys,
  deleteDeclared,
  useDeclared,
} from './api';
import { DeclaredDialog } from './DeclaredDialog';
import { formatQualified } from './format';

const CONVENTION_TYPES = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GES', 'EBE'] as const;

/** The published aggregates, with their source; the team adds, corrects and removes them. */
export function DeclaredSection({ options, canEdit }: { options: DashboardOptions; canEdit: boolean }) {
  const declared = useDeclared();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<DeclaredAggregate | null | undefined>(undefined);
  const [removing, setRemoving] = useState<DeclaredAggregate | null>(null);
  // The dashboard shows declared points: both are refreshed.
  const refresh = () => queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  const unitOf = (code: string) => options.indicators.find((i) => i.code === code)?.unit ?? 'count';

  const columns: Column<DeclaredAggregate>[] = [
    { key: 'year', header: t('observatory.declared.field.year'), render: (d) => d.year },
    { key: 'label', header: t('observatory.declared.field.label'), rowHeader: true, render: (d) => d.label },
    {
      key: 'code',
      header: t('observatory.declared.field.indicator'),
      render: (d) => <Code>{d.indicatorCode}</Code>,
    },
    {
      key: 'type',
      header: t('observatory.declared.field.type'),
      render: (d) => d.conventionType ?? t('observatory.dashboard.allTypes'),
    },
    {
      key: 'value',
      header: t('observatory.declared.field.value'),
      nowrap: true,
      render: (d) => formatQualified(d.value, unitOf(d.indicatorCode), d.qualifier),
    },
    { key: 'source', header: t('observatory.declared.field.source'), render: (d) => d.source },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (d) => (
        <EditDeleteButtons
          onEdit={() => setEditing(d)}
          editLabel={t('observatory.declared.editOf', { label: d.label })}
          onDelete={() => setRemoving(d)}
          deleteLabel={t('observatory.declared.deleteOf', { label: d.label })}
        />
      ),
    });

  const items = declared.data?.items ?? [];
  return (
    <Section
      title={t('observatory.declared.title')}
      actions={canEdit && <Button onClick={() => setEditing(null)}>{t('observatory.declared.add')}</Button>}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('observatory.declared.intro')}
      </Text>
      <QueryState query={declared}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('observatory.declared.empty')}</Text>
        ) : (
          <DataTable
            caption={t('observatory.declared.title')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(d) => `${d.year}-${d.indicatorCode}-${d.conventionType ?? ''}`}
          />
        )}
      </QueryState>
      <DeclaredDialog
        aggregate={editing}
        indicators={options.indicators}
        types={CONVENTION_TYPES}
        onClose={() => setEditing(undefined)}
        onSaved={refresh}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('observatory.declared.deleteTitle')}
        message={t('observatory.declared.deleteMessage', {
          label: removing?.label ?? '',
          year: String(removing?.year ?? ''),
        })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteDeclared(removing);
          await refresh();
        }}
      />
    </Section>
  );
}
