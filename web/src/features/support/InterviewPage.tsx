import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { DetailList } from '../../ui/DetailList';
import { formatDate, formatNumber, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManageSupport } from './access';
import { InterviewForm } from './InterviewForm';
import { type AnswerValue, type InterviewRecord, type Question, useInterview } from './interviewsApi';
import { interviewStatusColor } from './labels';

function answerText(question: Question, value: AnswerValue | undefined): string {
  if (value === undefined || value === null || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return question.kind === 'scale' ? `${value} / 5` : formatNumber(value);
  return value;
}

/** `/entretiens/:year/:organisationId`: the team fills the interview in; the member reads it once done. */
export function InterviewPage() {
  const params = useParams();
  const year = Number(params.year);
  const organisationId = params.organisationId ?? '';
  const record = useInterview(year, organisationId);
  const { data: me } = useMe();
  usePageTitle(
    record.data
      ? t('support.interview.pageTitle', { year: String(year), name: record.data.organisationName })
      : undefined,
  );
  return (
    <QueryState query={record}>
      {record.data && me && <InterviewView record={record.data} team={canManageSupport(me.role)} />}
    </QueryState>
  );
}

function InterviewView({ record, team }: { record: InterviewRecord; team: boolean }) {
  const status = record.interview?.status ?? 'not_started';
  return (
    <Stack>
      <Anchor
        component={Link}
        to={team ? `/entretiens?annee=${record.year}` : `/adherents/${record.organisationId}`}
        size="sm"
      >
        ← {team ? t('support.interviews.title') : record.organisationName}
      </Anchor>
      <div>
        <Title order={1}>
          {t('support.interview.pageTitle', { year: String(record.year), name: record.organisationName })}
        </Title>
        <Group gap="xs" mt={4}>
          <Badge color={interviewStatusColor[status]} variant="light">
            {t(`support.interview.status.${status}`)}
          </Badge>
          {record.interview && (
            <Text size="sm" c="dimmed">
              {t('support.interview.heldBy', {
                date: formatDate(record.interview.heldOn),
                name: orDash(record.interview.interviewerName),
              })}
            </Text>
          )}
        </Group>
      </div>
      <Section title={record.template.title}>
        {team ? (
          <InterviewForm record={record} />
        ) : (
          <DetailList
            items={record.template.questions.map((q) => ({
              label: q.label,
              value: answerText(q, record.interview?.answers[q.id]),
              wide: q.kind === 'long_text',
            }))}
          />
        )}
      </Section>
    </Stack>
  );
}
