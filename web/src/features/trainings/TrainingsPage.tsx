import { Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatNumber, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect } from '../../ui/YearSelect';
import { ComputedDeclared } from '../figures/ComputedDeclared';
import { canManageTrainings } from './access';
import {
  type TrainingSession,
  type TrainingTotals,
  trainingsKeys,
  useSessions,
  useTrainingTotals,
} from './api';
import { basisLabel, hoursLabel, sessionDates } from './labels';
import { SessionDialog } from './SessionDialog';

function Totals({ totals }: { totals: TrainingTotals }) {
  const { computed, declared } = totals;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ComputedDeclared
          title={t('trainings.totals.sessions')}
          computed={computed.sessions}
          unit="count"
          declarable={false}
        />
        <ComputedDeclared
          title={t('trainings.totals.trainees')}
          computed={computed.trainees}
          unit="count"
          declared={declared.trainees}
        />
        <ComputedDeclared
          title={t('trainings.totals.hours')}
          computed={computed.hours}
          unit="hours"
          declared={declared.trainingHours}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('trainings.totals.sources', {
          fromTrainees: computed.sources.fromTrainees,
          fromCounts: computed.sources.fromCounts,
        })}
      </Text>
    </Stack>
  );
}

/** A year's training sessions for the members' permanent staff, with their totals. */
export function TrainingsPage() {
  usePageTitle(t('trainings.title'));
  const { data: me } = useMe();
  const [year, setYear] = useYearParam();
  const sessions = useSessions(year);
  const totals = useTrainingTotals(year);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const write = me ? canManageTrainings(me.role) : false;

  const columns: Column<TrainingSession>[] = [
    {
      key: 'title',
      header: t('trainings.field.title'),
      rowHeader: true,
      render: (s) => (
        <Anchor component={Link} to={`/formations/${s.id}`}>
          {s.title}
        </Anchor>
      ),
    },
    { key: 'dates', header: t('trainings.col.dates'), render: sessionDates },
    { key: 'provider', header: t('trainings.field.provider'), render: (s) => orDash(s.providerName) },
    { key: 'funder', header: t('trainings.field.funder'), render: (s) => orDash(s.funderName) },
    {
      key: 'trainees',
      header: t('trainings.col.trainees'),
      nowrap: true,
      render: (s) => formatNumber(s.computed.trainees),
    },
    {
      key: 'hours',
      header: t('trainings.col.hours'),
      nowrap: true,
      render: (s) => hoursLabel(s.computed.hours),
    },
    { key: 'basis', header: t('trainings.col.basis'), render: (s) => basisLabel(s.computed) },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('trainings.title')}</Title>
        <YearSelect label={t('figures.year')} year={year} onChange={setYear} />
      </Group>
      <QueryState query={totals}>{totals.data && <Totals totals={totals.data} />}</QueryState>
      <Section
        title={t('trainings.sessionsOf', { year: String(year) })}
        actions={write && <Button onClick={() => setCreating(true)}>{t('trainings.session.add')}</Button>}
      >
        <QueryState query={sessions}>
          <DataTable
            caption={t('trainings.sessionsOf', { year: String(year) })}
            captionHidden
            columns={columns}
            rows={sessions.data?.items ?? []}
            rowKey={(s) => s.id}
            emptyMessage={t('trainings.empty')}
          />
        </QueryState>
      </Section>
      <SessionDialog
        session={creating ? null : undefined}
        onClose={() => setCreating(false)}
        onSaved={async (session) => {
          await queryClient.invalidateQueries({ queryKey: trainingsKeys.all });
          void navigate(`/formations/${session.id}`);
        }}
      />
    </Stack>
  );
}
