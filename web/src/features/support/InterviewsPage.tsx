import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormErrorSummary } from '../../ui/FormErrors';
import { formatDate, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect, yearsAround } from '../../ui/YearSelect';
import {
  type InterviewRow,
  interviewKeys,
  loadDefaultTemplate,
  useInterviewYear,
  useTemplate,
} from './interviewsApi';
import { interviewStatusColor } from './labels';
import { TemplateEditor } from './TemplateEditor';

/** `/entretiens`: the year's interviews per member, and the year's questions. */
export function InterviewsPage() {
  usePageTitle(t('support.interviews.title'));
  const [year, setYear] = useYearParam();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('support.interviews.title')}</Title>
        <YearSelect
          label={t('support.filter.year')}
          year={year}
          onChange={setYear}
          years={yearsAround(year, -2, 1, true)}
        />
      </Group>
      <InterviewListSection year={year} />
      <TemplateSection year={year} />
    </Stack>
  );
}

function InterviewListSection({ year }: { year: number }) {
  const list = useInterviewYear(year);
  const columns: Column<InterviewRow>[] = [
    {
      key: 'organisation',
      header: t('support.file.organisationId'),
      rowHeader: true,
      render: (row) =>
        list.data?.template ? (
          <Anchor component={Link} to={`/entretiens/${year}/${row.organisationId}`}>
            {row.organisationName}
          </Anchor>
        ) : (
          row.organisationName
        ),
    },
    {
      key: 'status',
      header: t('support.file.status'),
      nowrap: true,
      render: (row) => (
        <Badge color={interviewStatusColor[row.status]} variant="light">
          {t(`support.interview.status.${row.status}`)}
        </Badge>
      ),
    },
    {
      key: 'heldOn',
      header: t('support.interview.heldOn'),
      nowrap: true,
      render: (row) => formatDate(row.heldOn),
    },
    {
      key: 'interviewer',
      header: t('support.interview.interviewer'),
      render: (row) => orDash(row.interviewerName),
    },
    {
      key: 'answered',
      header: t('support.interview.answered'),
      nowrap: true,
      render: (row) =>
        t('support.interview.answeredOf', {
          count: row.answered,
          total: list.data?.template?.questions ?? 0,
        }),
    },
  ];
  const done = list.data?.items.filter((row) => row.status === 'done').length ?? 0;
  return (
    <Section title={t('support.interviews.list', { year: String(year) })}>
      <QueryState query={list}>
        {list.data && !list.data.template && <Text c="dimmed">{t('support.interviews.noTemplate')}</Text>}
        {list.data && (
          <>
            <Text size="sm" mb="xs">
              {t('support.interviews.progress', { done, total: list.data.items.length })}
            </Text>
            <DataTable
              caption={t('support.interviews.list', { year: String(year) })}
              captionHidden
              columns={columns}
              rows={list.data.items}
              rowKey={(row) => row.organisationId}
              emptyMessage={t('support.interviews.empty')}
            />
          </>
        )}
      </QueryState>
    </Section>
  );
}

function TemplateSection({ year }: { year: number }) {
  const template = useTemplate(year);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const loadDefault = async () => {
    setLoading(true);
    setError(null);
    try {
      await loadDefaultTemplate(year);
      await queryClient.invalidateQueries({ queryKey: interviewKeys.all });
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Section
      title={t('support.template.section', { year: String(year) })}
      actions={
        template.data !== undefined && (
          <>
            {template.data === null && (
              <Button size="sm" variant="light" loading={loading} onClick={() => void loadDefault()}>
                {t('support.template.loadDefault')}
              </Button>
            )}
            <Button size="sm" onClick={() => setEditing(true)}>
              {template.data ? t('support.template.edit') : t('support.template.create')}
            </Button>
          </>
        )
      }
    >
      <FormErrorSummary error={error} />
      <QueryState query={template}>
        {template.data === null && <Text c="dimmed">{t('support.template.none')}</Text>}
        {template.data && (
          <Stack gap={4}>
            <Text fw={600}>{template.data.title}</Text>
            <ol>
              {template.data.questions.map((q) => (
                <li key={q.id}>
                  {q.label} — {t(`support.kind.${q.kind}`)}
                  {q.required ? ` (${t('support.template.field.required').toLowerCase()})` : ''}
                </li>
              ))}
            </ol>
          </Stack>
        )}
      </QueryState>
      {editing && (
        <TemplateEditor year={year} template={template.data ?? null} onClose={() => setEditing(false)} />
      )}
    </Section>
  );
}
