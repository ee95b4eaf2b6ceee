import { Alert, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { AcceptDialog } from './AcceptDialog';
import { acceptProblem, type QualityProblem, qualityKeys, reopenProblem, useQualityProblems } from './api';
import { ProblemGroup } from './ProblemGroup';

type Filter = 'open' | 'accepted' | 'all';

/** Problems grouped by check, in the order the server gives them (the checks' order). */
function groupByCode(problems: QualityProblem[]): [string, QualityProblem[]][] {
  const groups = new Map<string, QualityProblem[]>();
  for (const problem of problems) groups.set(problem.code, [...(groups.get(problem.code) ?? []), problem]);
  return [...groups];
}

export function QualityPage() {
  usePageTitle(t('quality.title'));
  const queryClient = useQueryClient();
  const problems = useQualityProblems();
  const [filter, setFilter] = useState<Filter>('open');
  const [accepting, setAccepting] = useState<QualityProblem | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const filterLabelId = useId();

  const shown = useMemo(() => {
    const all = problems.data?.problems ?? [];
    if (filter === 'all') return all;
    return all.filter((p) => (filter === 'accepted' ? p.accepted !== null : p.accepted === null));
  }, [problems.data, filter]);
  const groups = groupByCode(shown);
  const refresh = () => queryClient.invalidateQueries({ queryKey: qualityKeys.list });

  const accept = async (problem: QualityProblem, reason: string) => {
    await acceptProblem(problem.key, reason);
    await refresh();
  };
  const reopen = async (problem: QualityProblem) => {
    if (!problem.accepted) return;
    setReopening(problem.accepted.id);
    setFailure(null);
    try {
      await reopenProblem(problem.accepted.id);
      await refresh();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('app.crash.text'));
    } finally {
      setReopening(null);
    }
  };

  const counts = problems.data?.counts ?? { open: 0, accepted: 0 };
  const emptyKey =
    filter === 'open'
      ? 'quality.empty.open'
      : filter === 'accepted'
        ? 'quality.empty.accepted'
        : 'quality.empty.all';

  return (
    <Stack>
      <Title order={1}>{t('quality.title')}</Title>
      <Text>{t('quality.intro')}</Text>
      <QueryState query={problems}>
        <Group gap="sm" align="center">
          <Text id={filterLabelId} fw={500}>
            {t('quality.filter.label')}
          </Text>
          <SegmentedControl
            aria-labelledby={filterLabelId}
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={[
              { value: 'open', label: t('quality.filter.open', { count: counts.open }) },
              { value: 'accepted', label: t('quality.filter.accepted', { count: counts.accepted }) },
              { value: 'all', label: t('quality.filter.all', { count: counts.open + counts.accepted }) },
            ]}
          />
        </Group>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {groups.length === 0 ? (
          <Alert color="green">{t(emptyKey)}</Alert>
        ) : (
          groups.map(([code, list]) => (
            <ProblemGroup
              key={code}
              code={code}
              problems={list}
              onAccept={setAccepting}
              onReopen={(p) => void reopen(p)}
              reopening={reopening}
            />
          ))
        )}
      </QueryState>
      <AcceptDialog problem={accepting} onClose={() => setAccepting(null)} onAccept={accept} />
    </Stack>
  );
}
