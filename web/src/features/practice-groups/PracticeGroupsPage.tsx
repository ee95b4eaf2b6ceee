import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/session';
import { t, tn } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate, formatNumber, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect } from '../../ui/YearSelect';
import { ComputedDeclared } from '../figures/ComputedDeclared';
import { canManagePracticeGroups, canSeePracticeStats } from './access';
import {
  type GroupStats,
  type PracticeGroupSummary,
  type PracticeStats,
  practiceKeys,
  usePracticeGroups,
  usePracticeStats,
} from './api';
import { GroupDialog } from './GroupDialog';

type Row = PracticeGroupSummary & { stats?: GroupStats };

function statsColumns(year: number): Column<Row>[] {
  const value = (row: Row, pick: (s: GroupStats) => number) =>
    row.stats ? formatNumber(pick(row.stats)) : '0';
  return [
    {
      key: 'meetings',
      header: t('practice.col.meetingsOfYear', { year: String(year) }),
      nowrap: true,
      render: (row) => value(row, (s) => s.meetings),
    },
    {
      key: 'attendances',
      header: t('practice.col.attendances'),
      render: (row) => (
        <>
          {value(row, (s) => s.attendances)}
          {row.stats && row.stats.meetingsWithoutCount > 0 && (
            <Text size="xs" c="dimmed">
              {tn('practice.stats.withoutCount', row.stats.meetingsWithoutCount)}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'organisations',
      header: t('practice.col.organisations'),
      nowrap: true,
      render: (row) => value(row, (s) => s.organisations),
    },
  ];
}

function YearSummary({ stats }: { stats: PracticeStats }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <ComputedDeclared
        title={t('practice.stats.meetings', { year: String(stats.year) })}
        computed={stats.computed.meetings}
        unit="count"
        declared={stats.declared.gepMeetings}
      />
      <ComputedDeclared
        title={t('practice.stats.attendances', { year: String(stats.year) })}
        computed={stats.computed.attendances}
        unit="count"
        declarable={false}
      />
    </SimpleGrid>
  );
}

/** The practice-exchange groups, with what each did in the chosen year. */
export function PracticeGroupsPage() {
  usePageTitle(t('practice.title'));
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [year, setYear] = useYearParam();
  const [creating, setCreating] = useState(false);
  const showStats = me ? canSeePracticeStats(me.role) : false;
  const write = me ? canManagePracticeGroups(me.role) : false;
  const groups = usePracticeGroups();
  const stats = usePracticeStats(year, showStats);

  const rows: Row[] = (groups.data?.items ?? []).map((group) => {
    const own = stats.data?.groups.find((s) => s.id === group.id);
    return own ? { ...group, stats: own } : group;
  });
  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('practice.group.name'),
      rowHeader: true,
      render: (g) => (
        <Anchor component={Link} to={`/gep/${g.id}`}>
          {g.name}
        </Anchor>
      ),
    },
    { key: 'audience', header: t('practice.group.audience'), render: (g) => orDash(g.audience) },
    {
      key: 'active',
      header: t('practice.group.status'),
      nowrap: true,
      render: (g) => (
        <Badge variant="light" color={g.active ? 'green' : 'gray'}>
          {g.active ? t('practice.group.isActive') : t('practice.group.isInactive')}
        </Badge>
      ),
    },
    {
      key: 'people',
      header: t('practice.col.people'),
      nowrap: true,
      render: (g) => formatNumber(g.peopleCount),
    },
    ...(showStats
      ? statsColumns(year)
      : [
          {
            key: 'last',
            header: t('practice.col.lastMeeting'),
            nowrap: true,
            render: (g: Row) => formatDate(g.lastMeetingOn),
          },
        ]),
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('practice.title')}</Title>
        {showStats && <YearSelect label={t('figures.year')} year={year} onChange={setYear} />}
      </Group>
      <Text c="dimmed">{t('practice.intro')}</Text>
      {showStats && <QueryState query={stats}>{stats.data && <YearSummary stats={stats.data} />}</QueryState>}
      <Section
        title={t('practice.groups')}
        actions={write && <Button onClick={() => setCreating(true)}>{t('practice.group.add')}</Button>}
      >
        <QueryState query={groups}>
          <DataTable
            caption={t('practice.groups')}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(g) => g.id}
            emptyMessage={t('practice.empty')}
          />
        </QueryState>
      </Section>
      <GroupDialog
        group={creating ? null : undefined}
        onClose={() => setCreating(false)}
        onSaved={async (group) => {
          await queryClient.invalidateQueries({ queryKey: practiceKeys.all });
          void navigate(`/gep/${group.id}`);
        }}
      />
    </Stack>
  );
}
