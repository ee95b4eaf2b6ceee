import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/session';
import { t, tn } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManageTerritories } from './access';
import {
  exportHref,
  type Project,
  type ProjectFilters,
  projectKinds,
  territoriesKeys,
  useProjects,
} from './api';
import { MapSection } from './MapSection';
import { ProjectForm } from './ProjectForm';
import { StatsBox } from './StatsBox';

/** Filters and the year live in the URL, so that a filtered list can be shared. */
function useParams() {
  const [search, setSearch] = useSearchParams();
  const lastYear = new Date().getFullYear() - 1;
  const year = Number.parseInt(search.get('annee') ?? '', 10) || lastYear;
  const filters: ProjectFilters = {
    kind: search.get('type') ?? '',
    department: search.get('departement') ?? '',
    q: search.get('q') ?? '',
  };
  const set = (name: string, value: string) =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (value) params.set(name, value);
        else params.delete(name);
        return params;
      },
      { replace: true },
    );
  const years = [lastYear - 2, lastYear - 1, lastYear, lastYear + 1];
  if (!years.includes(year)) years.push(year);
  return { year, years: years.sort(), filters, set };
}

const phaseOrDetail = (p: Project) =>
  p.kind === 'ptce'
    ? p.phase
      ? t('territories.list.phase', { phase: p.phase })
      : t('territories.phase.unknown')
    : p.kind === 'tzcld'
      ? [p.authorisedOn ? formatDate(p.authorisedOn) : null, p.ebeName].filter(Boolean).join(' · ')
      : (p.sector ?? '');

const columns: Column<Project>[] = [
  {
    key: 'name',
    header: t('territories.field.name'),
    rowHeader: true,
    render: (p) => (
      <Anchor component={Link} to={`/territoires/${p.id}`}>
        {p.name}
      </Anchor>
    ),
  },
  {
    key: 'kind',
    header: t('territories.field.kind'),
    nowrap: true,
    render: (p) => t(`territories.kind.${p.kind}`),
  },
  { key: 'territory', header: t('territories.field.territory'), render: (p) => p.territory ?? '' },
  { key: 'departments', header: t('territories.field.departments'), render: (p) => p.departments.join(', ') },
  {
    key: 'status',
    header: t('territories.field.status'),
    render: (p) => t(`territories.status.${p.status}`),
  },
  { key: 'detail', header: t('territories.list.detail'), render: phaseOrDetail },
];

export function TerritoriesPage() {
  usePageTitle(t('territories.title'));
  const { data: me } = useMe();
  const canEdit = me ? canManageTerritories(me.role) : false;
  const { year, years, filters, set } = useParams();
  const list = useProjects(filters);
  const [creating, setCreating] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const items = list.data?.items ?? [];

  return (
    <Stack>
      <Title order={1}>{t('territories.title')}</Title>
      <Text>{t('territories.intro')}</Text>
      <StatsBox year={year} years={years} onYear={(y) => set('annee', String(y))} />
      <MapSection selected={filters.department} onSelect={(code) => set('departement', code)} />
      <Section
        title={t('territories.list.title')}
        actions={
          <>
            <Button component="a" variant="default" href={exportHref(filters)} download>
              {t('territories.export')}
            </Button>
            {canEdit && <Button onClick={() => setCreating(true)}>{t('territories.create')}</Button>}
          </>
        }
      >
        <Group align="flex-end" mb="sm" wrap="wrap">
          <NativeSelect
            label={t('territories.filter.kind')}
            value={filters.kind}
            onChange={(event) => set('type', event.currentTarget.value)}
            data={[
              { value: '', label: t('territories.filter.all') },
              ...projectKinds.map((k) => ({ value: k, label: t(`territories.kindLong.${k}`) })),
            ]}
          />
          <TextInput
            label={t('territories.filter.department')}
            value={filters.department}
            maxLength={3}
            w={120}
            onChange={(event) => set('departement', event.currentTarget.value)}
          />
          <TextInput
            label={t('territories.filter.q')}
            value={filters.q}
            onChange={(event) => set('q', event.currentTarget.value)}
          />
        </Group>
        <QueryState isPending={list.isPending} error={list.error}>
          <Text size="sm" mb="xs" aria-live="polite">
            {tn('territories.list.count', items.length)}
          </Text>
          <DataTable
            caption={t('territories.list.caption')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(p) => p.id}
            emptyMessage={t('territories.list.empty')}
          />
        </QueryState>
      </Section>
      <ProjectForm
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={async (project) => {
          setCreating(false);
          await queryClient.invalidateQueries({ queryKey: territoriesKeys.all });
          navigate(`/territoires/${project.id}`);
        }}
      />
    </Stack>
  );
}
