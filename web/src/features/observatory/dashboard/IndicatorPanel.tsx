import { Grid, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { type Column, DataTable } from '../../../ui/DataTable';
import { Section } from '../../../ui/Section';
import type { Cell, IndicatorSeries, Point, TypePoint } from './api';
import { BarChart } from './charts/BarChart';
import { LineChart } from './charts/LineChart';
import { FigureTable } from './FigureTable';
import { formatQualified, formatValue } from './format';
import { SyntheticBadge } from './SyntheticBadge';
import { sourceLabel } from './sourceLabel';

const shown = (point: Point, series: IndicatorSeries, compact = false) =>
  point.source === 'declared'
    ? formatQualified(point.value, series.unit, point.qualifier, { compact })
    : formatValue(point.value, series.unit, { compact });

/** One indicator: its evolution by year and its split by type, each drawn and tabulated side by side. */
export function IndicatorPanel({ series }: { series: IndicatorSeries }) {
  const years = [...new Set(series.byType.map((p) => p.year))].sort((a, b) => b - a);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen !== null && years.includes(chosen) ? chosen : years[0];
  const synthetic = series.totals.some((p) => p.synthetic);

  const evolutionColumns: Column<Point>[] = [
    { key: 'year', header: t('observatory.dashboard.col.year'), rowHeader: true, render: (p) => p.year },
    {
      key: 'value',
      header: t('observatory.dashboard.col.value'),
      nowrap: true,
      render: (p) => shown(p, series),
    },
    {
      key: 'source',
      header: t('observatory.dashboard.col.source'),
      render: (p) =>
        p.source === 'declared' ? (
          <Stack gap={0}>
            <span>{sourceLabel(p)}</span>
            <Text size="xs" c="dimmed">
              {t('observatory.dashboard.citation', { source: p.citation })}
            </Text>
          </Stack>
        ) : (
          sourceLabel(p)
        ),
    },
    {
      key: 'answers',
      header: t('observatory.dashboard.col.answers'),
      render: (p) => (p.source === 'computed' ? p.answers : t('common.none')),
    },
  ];
  const ofYear = series.byType.filter((p) => p.year === year);
  const typeColumns: Column<TypePoint>[] = [
    {
      key: 'type',
      header: t('observatory.dashboard.col.type'),
      rowHeader: true,
      render: (p) => p.conventionType,
    },
    {
      key: 'value',
      header: t('observatory.dashboard.col.value'),
      nowrap: true,
      render: (p) => shown(p, series),
    },
    { key: 'source', header: t('observatory.dashboard.col.source'), render: (p) => sourceLabel(p) },
  ];
  const cellColumns: Column<Cell>[] = [
    {
      key: 'type',
      header: t('observatory.dashboard.col.type'),
      rowHeader: true,
      render: (c) => c.conventionType,
    },
    {
      key: 'department',
      header: t('observatory.dashboard.col.department'),
      render: (c) => c.department ?? t('observatory.dashboard.noDepartment'),
    },
    {
      key: 'value',
      header: t('observatory.dashboard.col.value'),
      nowrap: true,
      render: (c) => formatValue(c.value, series.unit),
    },
    { key: 'answers', header: t('observatory.dashboard.col.answers'), render: (c) => c.answers },
    {
      key: 'median',
      header: t('observatory.dashboard.col.median'),
      nowrap: true,
      render: (c) => formatValue(c.median, series.unit),
    },
  ];
  const cells = series.cells.filter((c) => c.year === year);

  return (
    <Section title={series.label} actions={synthetic && <SyntheticBadge />}>
      {series.definition && (
        <Text size="sm" c="dimmed" mb="sm">
          {series.definition}
        </Text>
      )}
      {series.totals.length === 0 ? (
        <Text c="dimmed">{t('observatory.dashboard.empty')}</Text>
      ) : (
        <Stack gap="lg">
          <Grid gap="lg" align="center">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <LineChart
                title={series.label}
                points={series.totals.map((p) => ({
                  year: p.year,
                  value: p.value,
                  declared: p.source === 'declared',
                  synthetic: p.synthetic,
                  label: shown(p, series, true),
                }))}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <FigureTable
                caption={t('observatory.dashboard.evolution', { label: series.label })}
                columns={evolutionColumns}
                rows={series.totals}
                rowKey={(p) => `${p.year}-${p.source}-${p.synthetic}`}
              />
            </Grid.Col>
          </Grid>
          {year !== undefined && (
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <Title order={3} size="h4">
                  {t('observatory.dashboard.byType', { year: String(year), label: series.label })}
                </Title>
                {years.length > 1 && (
                  <NativeSelect
                    label={t('observatory.dashboard.detailYear')}
                    value={String(year)}
                    onChange={(e) => setChosen(Number(e.currentTarget.value))}
                    data={years.map(String)}
                  />
                )}
              </Group>
              <Grid gap="lg" align="center">
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <BarChart
                    title={series.label}
                    bars={ofYear.map((p) => ({
                      key: `${p.conventionType}-${p.source}`,
                      label: p.conventionType,
                      value: p.value,
                      text: shown(p, series, true),
                      declared: p.source === 'declared',
                      synthetic: p.synthetic,
                    }))}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <FigureTable
                    caption={t('observatory.dashboard.byType', { year: String(year), label: series.label })}
                    captionHidden
                    columns={typeColumns}
                    rows={ofYear}
                    rowKey={(p) => `${p.conventionType}-${p.source}-${p.synthetic}`}
                  />
                </Grid.Col>
              </Grid>
              {cells.length > 0 && (
                <details>
                  <summary>{t('observatory.dashboard.detail', { year: String(year) })}</summary>
                  <DataTable
                    caption={`${t('observatory.dashboard.detail', { year: String(year) })} : ${series.label}`}
                    captionHidden
                    columns={cellColumns}
                    rows={cells}
                    rowKey={(c) => `${c.conventionType}-${c.department}-${c.synthetic}`}
                  />
                </details>
              )}
            </Stack>
          )}
        </Stack>
      )}
    </Section>
  );
}
