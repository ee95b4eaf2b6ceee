import { Alert, Group, NativeSelect, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/session';
import { t } from '../../../i18n';
import { type Column, DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { Section } from '../../../ui/Section';
import { usePageTitle } from '../../../ui/usePageTitle';
import { canPickOrganisation } from './access';
import { type PositionItem, useDashboardOptions, usePosition } from './api';
import { QuartileStrip } from './charts/QuartileStrip';
import { formatValue } from './format';
import { SyntheticBadge } from './SyntheticBadge';

function situation(item: PositionItem, minPeers: number): string {
  if (item.quartilesHidden || item.q1 === null || item.median === null || item.q3 === null)
    return t('observatory.dashboard.position.hidden', { min: minPeers });
  if (item.own === null) return t('observatory.dashboard.position.noValue');
  if (item.own < item.q1) return t('observatory.dashboard.position.below');
  if (item.own < item.median) return t('observatory.dashboard.position.lower');
  if (item.own <= item.q3) return t('observatory.dashboard.position.upper');
  return t('observatory.dashboard.position.above');
}

/** Staff and board choose any organisation that answered. */
function OrganisationPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const options = useDashboardOptions();
  return (
    <Select
      label={t('observatory.dashboard.position.organisation')}
      placeholder={t('observatory.dashboard.position.organisationPlaceholder')}
      searchable
      clearable
      value={value}
      onChange={onChange}
      data={(options.data?.respondents ?? []).map((r) => ({
        value: r.id,
        label: `${r.name} (${r.types.join(', ')})`,
      }))}
      error={options.error instanceof Error ? options.error.message : undefined}
    />
  );
}

/** An organisation's figures of a year beside the quartiles of its peers of the same convention type. */
export function PositionPage() {
  usePageTitle(t('observatory.dashboard.position.title'));
  const { data: me } = useMe();
  const [search, setSearch] = useSearchParams();
  const picks = me ? canPickOrganisation(me.role) : false;
  const organisationId = picks ? search.get('adherent') : (me?.organisationId ?? null);
  const askedYear = Number.parseInt(search.get('annee') ?? '', 10);
  const year = Number.isNaN(askedYear) ? undefined : askedYear;
  const type = search.get('type') ?? undefined;
  const position = usePosition(organisationId, year, type);
  const set = (changes: Record<string, string | null>) =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) params.delete(key);
          else params.set(key, value);
        }
        return params;
      },
      { replace: true },
    );
  const data = position.data;
  const answers = data?.answers ?? [];
  const years = [...new Set(answers.map((a) => a.year))];
  const types = answers.filter((a) => a.year === data?.year).map((a) => a.conventionType);
  const minPeers = data?.minPeers ?? 5;
  const unitOf = (item: PositionItem) => item.unit;
  const columns: Column<PositionItem>[] = [
    {
      key: 'label',
      header: t('observatory.dashboard.position.col.indicator'),
      rowHeader: true,
      render: (i) => i.label,
    },
    {
      key: 'own',
      header: t('observatory.dashboard.position.col.own'),
      nowrap: true,
      render: (i) => formatValue(i.own, unitOf(i)),
    },
    {
      key: 'q1',
      header: t('observatory.dashboard.position.col.q1'),
      nowrap: true,
      render: (i) => formatValue(i.q1, unitOf(i)),
    },
    {
      key: 'median',
      header: t('observatory.dashboard.position.col.median'),
      nowrap: true,
      render: (i) => formatValue(i.median, unitOf(i)),
    },
    {
      key: 'q3',
      header: t('observatory.dashboard.position.col.q3'),
      nowrap: true,
      render: (i) => formatValue(i.q3, unitOf(i)),
    },
    { key: 'peers', header: t('observatory.dashboard.position.col.peers'), render: (i) => i.peers },
    {
      key: 'where',
      header: t('observatory.dashboard.position.col.where'),
      render: (i) => (
        <Group gap="xs" wrap="nowrap">
          {i.q1 !== null && i.median !== null && i.q3 !== null && (
            <QuartileStrip own={i.own} q1={i.q1} median={i.median} q3={i.q3} />
          )}
          <Text size="sm">{situation(i, minPeers)}</Text>
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Title order={1}>{t('observatory.dashboard.position.title')}</Title>
      <Text c="dimmed">{t('observatory.dashboard.position.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        {picks && (
          <OrganisationPicker
            value={organisationId}
            onChange={(id) => set({ adherent: id, annee: null, type: null })}
          />
        )}
        {years.length > 0 && (
          <NativeSelect
            label={t('observatory.dashboard.position.year')}
            value={String(data?.year ?? '')}
            onChange={(e) => set({ annee: e.currentTarget.value, type: null })}
            data={years.map(String)}
          />
        )}
        {types.length > 0 && (
          <NativeSelect
            label={t('observatory.dashboard.position.type')}
            value={data?.conventionType ?? ''}
            onChange={(e) => set({ type: e.currentTarget.value })}
            data={types}
          />
        )}
      </Group>
      {organisationId === null ? (
        <Text c="dimmed">{t('observatory.dashboard.position.pick')}</Text>
      ) : (
        <QueryState query={position}>
          {data && (
            <Section
              title={t('observatory.dashboard.position.caption', {
                name: data.organisation.name,
                type: data.conventionType ?? '',
                year: String(data.year ?? ''),
              })}
              actions={data.synthetic && <SyntheticBadge />}
            >
              {data.synthetic && (
                <Alert color="orange" mb="sm">
                  {t('observatory.dashboard.syntheticNote')}
                </Alert>
              )}
              {data.items.length === 0 ? (
                <Text c="dimmed">{t('observatory.dashboard.position.none')}</Text>
              ) : (
                <Stack gap="sm">
                  {data.items.some((i) => i.quartilesHidden) && (
                    <Text size="sm" c="dimmed">
                      {t('observatory.dashboard.position.hiddenNote', { min: minPeers })}
                    </Text>
                  )}
                  <DataTable
                    caption={t('observatory.dashboard.position.caption', {
                      name: data.organisation.name,
                      type: data.conventionType ?? '',
                      year: String(data.year ?? ''),
                    })}
                    captionHidden
                    columns={columns}
                    rows={data.items}
                    rowKey={(i) => i.code}
                  />
                </Stack>
              )}
            </Section>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
