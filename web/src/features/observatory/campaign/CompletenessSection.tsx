import { Anchor, Badge, Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../../i18n';
import { type Column, DataTable } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { Section } from '../../../ui/Section';
import {
  type CompletenessRow,
  completenessXlsxUrl,
  type FormStatus,
  getCompleteness,
  observatoryKeys,
} from './api';
import { formStatusColor, formStatusLabel } from './labels';

const statuses: FormStatus[] = ['not_started', 'draft', 'submitted', 'correction_requested', 'validated'];

/** Where a member's form is opened from: its saved form, or the blank one of its type. */
export function formPath(
  campaignId: string,
  row: Pick<CompletenessRow, 'submissionId' | 'conventionType' | 'organisationId'>,
) {
  return row.submissionId
    ? `/observatoire/formulaire/${row.submissionId}`
    : `/observatoire/campagnes/${campaignId}/formulaire/${row.conventionType}?adherent=${row.organisationId}`;
}

/** Who has answered: every current member × convention type, with a link to its form. */
export function CompletenessSection({ campaignId }: { campaignId: string }) {
  const [status, setStatus] = useState<FormStatus | ''>('');
  const board = useQuery({
    queryKey: observatoryKeys.completeness(campaignId),
    queryFn: ({ signal }) => getCompleteness(campaignId, signal),
    // Members answer while staff look: the board is read afresh each time it is shown.
    refetchOnMount: 'always',
  });
  const rows = (board.data?.items ?? []).filter((r) => !status || r.status === status);

  const columns: Column<CompletenessRow>[] = [
    {
      key: 'organisation',
      header: t('observatory.completeness.organisation'),
      rowHeader: true,
      render: (r) => (
        <Anchor component={Link} to={formPath(campaignId, r)}>
          {r.organisationName}
        </Anchor>
      ),
    },
    { key: 'type', header: t('observatory.completeness.type'), render: (r) => r.conventionType },
    {
      key: 'department',
      header: t('observatory.completeness.department'),
      render: (r) => r.department ?? t('common.none'),
    },
    {
      key: 'status',
      header: t('observatory.completeness.status'),
      render: (r) => (
        <Badge color={formStatusColor[r.status]} variant="light">
          {formStatusLabel(r.status)}
        </Badge>
      ),
    },
    {
      key: 'values',
      header: t('observatory.completeness.values'),
      nowrap: true,
      render: (r) => t('observatory.completeness.valuesOf', { count: r.valueCount, total: r.indicatorCount }),
    },
    {
      key: 'updatedAt',
      header: t('observatory.completeness.updatedAt'),
      nowrap: true,
      render: (r) => formatDateTime(r.updatedAt),
    },
  ];

  return (
    <Section
      title={t('observatory.completeness.title')}
      actions={
        <Button component="a" href={completenessXlsxUrl(campaignId)} variant="default" download>
          {t('observatory.completeness.export')}
        </Button>
      }
    >
      <QueryState query={board}>
        <Stack>
          <Group gap="xs" aria-label={t('observatory.completeness.counts')} role="group">
            {statuses.map((s) => (
              <Badge key={s} color={formStatusColor[s]} variant="light" size="lg">
                {formStatusLabel(s)} : {board.data?.counts[s] ?? 0}
              </Badge>
            ))}
            <Badge color="dark" variant="outline" size="lg">
              {t('observatory.completeness.total', { count: board.data?.counts.total ?? 0 })}
            </Badge>
          </Group>
          <NativeSelect
            label={t('observatory.completeness.filter')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as FormStatus | '')}
            data={[
              { value: '', label: t('observatory.completeness.all') },
              ...statuses.map((s) => ({ value: s, label: formStatusLabel(s) })),
            ]}
            maw={280}
          />
          <DataTable
            caption={t('observatory.completeness.title')}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(r) => `${r.organisationId}/${r.conventionType}`}
            emptyMessage={t('observatory.completeness.empty')}
          />
        </Stack>
      </QueryState>
    </Section>
  );
}
