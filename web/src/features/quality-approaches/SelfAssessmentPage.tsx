import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { AssessmentForm, StartAssessment } from './AssessmentForm';
import { exportUrls, useAssessments, useGrids } from './api';
import { PlanSection } from './PlanSection';
import { ProgressSection } from './ProgressSection';

/** `/auto-evaluation`: a member fills in the grid, sees its scores per pillar and keeps its progress plan. */
export function SelfAssessmentPage() {
  usePageTitle(t('qualityApproaches.self.title'));
  const { data: me } = useMe();
  const grids = useGrids();
  const assessments = useAssessments();
  const active = (grids.data ?? []).filter((g) => g.active === 'active');
  const draft = (assessments.data ?? []).find((a) => a.status === 'draft');
  const draftGrid = draft ? (grids.data ?? []).find((g) => g.id === draft.gridId) : undefined;
  const latest = (assessments.data ?? []).find((a) => a.status === 'done');
  const latestGrid = (grids.data ?? []).find((g) => g.id === (draft ?? latest)?.gridId) ?? active[0];
  const criteria = (latestGrid?.pillars ?? []).flatMap((p) =>
    p.criteria.map((c) => ({ value: c.id, label: c.label })),
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('qualityApproaches.self.title')}</Title>
        <Button component="a" href={exportUrls.assessments} download variant="default">
          {t('qualityApproaches.export')}
        </Button>
      </Group>
      <Text c="dimmed">{t('qualityApproaches.self.intro')}</Text>
      <QueryState
        isPending={grids.isPending || assessments.isPending}
        error={grids.error ?? assessments.error}
        onRetry={() => {
          void grids.refetch();
          void assessments.refetch();
        }}
      >
        <Section title={t('qualityApproaches.self.title')}>
          {draft && draftGrid ? (
            <AssessmentForm key={draft.id} draft={draft} grid={draftGrid} />
          ) : active.length > 0 ? (
            <StartAssessment grids={active} />
          ) : (
            <Text c="dimmed">{t('qualityApproaches.self.noGrid')}</Text>
          )}
        </Section>
        {me?.organisationId && <ProgressSection organisationId={me.organisationId} />}
        <PlanSection criteria={criteria} assessmentId={latest?.id ?? null} />
      </QueryState>
    </Stack>
  );
}
