import { Button } from '@mantine/core';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import { type Assessment, exportUrls, useAssessments, useGrids } from './api';

const accessors = {
  organisation: (a: Assessment) => a.organisationName ?? '',
  assessedOn: (a: Assessment) => a.assessedOn,
};

/** Every member's self-assessments with their scores per pillar (staff and board read them). */
export function AssessmentsSection() {
  const assessments = useAssessments();
  const grids = useGrids();
  const pillarLabel = new Map(
    (grids.data ?? []).flatMap((g) => g.pillars.map((p) => [p.id, p.label] as const)),
  );
  const table = useClientTable(assessments.data ?? [], accessors, { key: 'assessedOn', direction: 'desc' });
  const columns: Column<Assessment>[] = [
    {
      key: 'organisation',
      header: t('qualityApproaches.assessments.organisation'),
      rowHeader: true,
      sortable: true,
      render: (a) => a.organisationName,
    },
    { key: 'grid', header: t('qualityApproaches.self.grid'), render: (a) => a.gridName },
    {
      key: 'assessedOn',
      header: t('qualityApproaches.self.assessedOn'),
      sortable: true,
      nowrap: true,
      render: (a) => formatDate(a.assessedOn),
    },
    {
      key: 'status',
      header: t('qualityApproaches.assessments.status'),
      render: (a) => t(`qualityApproaches.assessments.status.${a.status}`),
    },
    {
      key: 'scores',
      header: t('qualityApproaches.progress.score'),
      render: (a) =>
        Object.entries(a.scores)
          .map(([pillar, score]) => `${pillarLabel.get(pillar) ?? pillar} : ${score}`)
          .join(' · ') || t('common.none'),
    },
  ];
  return (
    <Section
      title={t('qualityApproaches.assessments.title')}
      actions={
        <Button component="a" href={exportUrls.assessments} download variant="default">
          {t('qualityApproaches.export')}
        </Button>
      }
    >
      <QueryState query={assessments}>
        <ClientDataTable
          caption={t('qualityApproaches.assessments.title')}
          columns={columns}
          table={table}
          rowKey={(a) => a.id}
          emptyMessage={t('qualityApproaches.assessments.empty')}
        />
      </QueryState>
    </Section>
  );
}
