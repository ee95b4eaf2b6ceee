import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import { ConfirmDelete } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataTable';
import { formatDate, websiteHref } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { EditDeleteButtons } from '../../ui/RowActions';
import { SearchBox } from '../../ui/SearchBox';
import { useClientTable } from '../../ui/useClientTable';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSearchParam } from '../../ui/useSearchParam';
import { canWriteFunders } from './access';
import { deleteFunder, exportUrl, type Funder, type FunderFilters, fundersKeys, useFunders } from './api';
import { FunderDialog } from './FunderDialog';
import { amountRange, conventionTypeOptions, funderKindLabel, territoryLabel } from './labels';

const FILTERS = ['q', 'theme', 'territory', 'beneficiaryType', 'amount', 'checkedBefore'] as const;

const accessors = {
  name: (f: Funder) => f.name,
  kind: (f: Funder) => funderKindLabel(f.kind),
  amount: (f: Funder) => f.amountMax ?? f.amountMin,
  lastCheckedOn: (f: Funder) => f.lastCheckedOn ?? '',
};

/** `/financeurs`: the funders guide, for every signed-in role; filters live in the URL. */
export function FundersPage() {
  usePageTitle(t('funders.title'));
  const { data: me } = useMe();
  const write = me ? canWriteFunders(me.role) : false;
  const [search, setParam] = useSearchParam();
  const filters: FunderFilters = {};
  for (const key of FILTERS) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  const funders = useFunders(filters);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Funder | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Funder | null>(null);
  const table = useClientTable(funders.data?.items ?? [], accessors, { key: 'name', direction: 'asc' });

  const columns: Column<Funder>[] = [
    {
      key: 'name',
      header: t('funders.field.name'),
      rowHeader: true,
      sortable: true,
      render: (f) =>
        f.website ? (
          <Anchor href={websiteHref(f.website)} target="_blank" rel="noreferrer">
            {f.name}
          </Anchor>
        ) : (
          f.name
        ),
    },
    { key: 'kind', header: t('funders.field.kind'), sortable: true, render: (f) => funderKindLabel(f.kind) },
    {
      key: 'themes',
      header: t('funders.field.themes'),
      render: (f) => f.themes.join(', ') || t('common.none'),
    },
    {
      key: 'territories',
      header: t('funders.field.territories'),
      render: (f) => f.territories.map(territoryLabel).join(', ') || t('common.none'),
    },
    {
      key: 'beneficiaryTypes',
      header: t('funders.field.beneficiaryTypesShort'),
      render: (f) => f.beneficiaryTypes.join(', ') || t('funders.anyStructure'),
    },
    { key: 'amount', header: t('funders.field.amount'), sortable: true, render: (f) => amountRange(f) },
    {
      key: 'deadlines',
      header: t('funders.field.deadlines'),
      render: (f) => f.deadlines ?? t('common.none'),
    },
    {
      key: 'lastCheckedOn',
      header: t('funders.field.lastCheckedOnShort'),
      sortable: true,
      render: (f) => (f.lastCheckedOn ? formatDate(f.lastCheckedOn) : t('funders.neverChecked')),
    },
  ];
  if (write)
    columns.push({
      key: 'edit',
      header: t('common.actions'),
      render: (f) => (
        <EditDeleteButtons
          onEdit={() => setEditing(f)}
          editLabel={t('funders.editOf', { name: f.name })}
          onDelete={() => setDeleting(f)}
          deleteLabel={t('funders.deleteOf', { name: f.name })}
        />
      ),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('funders.title')}</Title>
        <Group>
          <Button component={Link} to="/financeurs/recherche" variant="light">
            {t('funders.match.link')}
          </Button>
          <Button component="a" href={exportUrl(filters)} download variant="default">
            {t('funders.export')}
          </Button>
          {write && <Button onClick={() => setEditing(null)}>{t('funders.create')}</Button>}
        </Group>
      </Group>
      <Text c="dimmed">{t('funders.intro')}</Text>
      <search>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <SearchBox label={t('funders.search')} value={filters.q ?? ''} onSearch={(v) => setParam('q', v)} />
          <SearchBox
            label={t('funders.filter.theme')}
            value={filters.theme ?? ''}
            onSearch={(v) => setParam('theme', v)}
          />
          <SearchBox
            label={t('funders.filter.territory')}
            value={filters.territory ?? ''}
            onSearch={(v) => setParam('territory', v)}
          />
          <NativeSelect
            label={t('funders.field.beneficiaryTypes')}
            value={filters.beneficiaryType ?? ''}
            onChange={(event) => setParam('beneficiaryType', event.currentTarget.value)}
            data={[{ value: '', label: t('funders.filter.anyType') }, ...conventionTypeOptions]}
          />
          <SearchBox
            label={t('funders.filter.amount')}
            value={filters.amount ?? ''}
            onSearch={(v) => setParam('amount', v)}
          />
          <TextInput
            type="date"
            label={t('funders.filter.checkedBefore')}
            value={filters.checkedBefore ?? ''}
            onChange={(event) => setParam('checkedBefore', event.currentTarget.value)}
          />
        </SimpleGrid>
      </search>
      <QueryState query={funders}>
        <ClientDataTable
          caption={t('funders.title')}
          columns={columns}
          table={table}
          rowKey={(f) => f.id}
          emptyMessage={t('funders.empty')}
        />
      </QueryState>
      <FunderDialog editing={editing} onClose={() => setEditing(undefined)} />
      <ConfirmDelete
        row={deleting}
        title={t('funders.deleteTitle')}
        message={(row) => t('funders.deleteMessage', { name: row.name })}
        onClose={() => setDeleting(null)}
        onDelete={async (row) => {
          await deleteFunder(row.id);
          await queryClient.invalidateQueries({ queryKey: fundersKeys.all });
        }}
      />
    </Stack>
  );
}
