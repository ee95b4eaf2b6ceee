import { Grid, Stack, Text, Title } from '@mantine/core';
import { t } from '../../../i18n';
import { type Column, DataTable } from '../../../ui/DataTable';
import { formatNumber } from '../../../ui/format';
import { Section } from '../../../ui/Section';
import type { Dashboard, ExitRate } from './api';
import { LineChart } from './charts/LineChart';
import { FigureTable } from './FigureTable';
import { formatRate } from './format';
import { SyntheticBadge } from './SyntheticBadge';
import { sourceLabel } from './sourceLabel';

type TypeRate = Dashboard['dynamicExits']['byType'][number];

/** The dynamic-exit rate by year (drawn and tabulated) and by type for the latest year. */
export function DynamicExitsSection({ exits }: { exits: Dashboard['dynamicExits'] }) {
  const withRate = exits.byYear.filter((r) => r.rate !== null);
  const latest = Math.max(...exits.byType.map((r) => r.year));
  const ofLatest = exits.byType.filter((r) => r.year === latest);
  const common = <R extends ExitRate>(): Column<R>[] => [
    {
      key: 'dynamic',
      header: t('observatory.dashboard.exits.dynamic'),
      render: (r) => formatNumber(r.dynamic),
    },
    { key: 'total', header: t('observatory.dashboard.exits.total'), render: (r) => formatNumber(r.total) },
    {
      key: 'rate',
      header: t('observatory.dashboard.exits.rate'),
      nowrap: true,
      render: (r) => formatRate(r.rate),
    },
    {
      key: 'source',
      header: t('observatory.dashboard.col.source'),
      render: (r) => sourceLabel({ source: 'computed', synthetic: r.synthetic }),
    },
  ];
  const yearColumns: Column<ExitRate>[] = [
    { key: 'year', header: t('observatory.dashboard.col.year'), rowHeader: true, render: (r) => r.year },
    ...common<ExitRate>(),
  ];
  const typeColumns: Column<TypeRate>[] = [
    {
      key: 'type',
      header: t('observatory.dashboard.col.type'),
      rowHeader: true,
      render: (r) => r.conventionType,
    },
    ...common<TypeRate>(),
  ];
  return (
    <Section
      title={t('observatory.dashboard.exits.title')}
      actions={exits.byYear.some((r) => r.synthetic) && <SyntheticBadge />}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('observatory.dashboard.exits.intro')}
      </Text>
      {exits.byYear.length === 0 ? (
        <Text c="dimmed">{t('observatory.dashboard.exits.empty')}</Text>
      ) : (
        <Stack gap="lg">
          <Grid gap="lg" align="center">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <LineChart
                title={t('observatory.dashboard.exits.title')}
                points={withRate.map((r) => ({
                  year: r.year,
                  value: (r.rate ?? 0) * 100,
                  declared: false,
                  synthetic: r.synthetic,
                  label: formatRate(r.rate),
                }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <FigureTable
                caption={t('observatory.dashboard.exits.title')}
                columns={yearColumns}
                rows={exits.byYear}
                rowKey={(r) => `${r.year}-${r.synthetic}`}
              />
            </Grid.Col>
          </Grid>
          <Title order={3} size="h4">
            {t('observatory.dashboard.exits.byType', { year: String(latest) })}
          </Title>
          <DataTable
            caption={t('observatory.dashboard.exits.byType', { year: String(latest) })}
            captionHidden
            columns={typeColumns}
            rows={ofLatest}
            rowKey={(r) => `${r.conventionType}-${r.synthetic}`}
          />
        </Stack>
      )}
    </Section>
  );
}
