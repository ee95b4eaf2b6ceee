import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { t, tMaybe } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import type { ProblemRecord, QualityProblem } from './api';

interface Props {
  code: string;
  problems: QualityProblem[];
  onAccept: (problem: QualityProblem) => void;
  onReopen: (problem: QualityProblem) => void;
  reopening: string | null;
}

/** Where a record is fixed: its organisation's page, or the board for a mandate. */
function recordPath(record: ProblemRecord): string | null {
  if (record.table === 'board_mandates') return '/gouvernance';
  return record.organisationId ? `/adherents/${record.organisationId}` : null;
}

function RecordLinks({ records }: { records: ProblemRecord[] }) {
  return (
    <Stack gap={2}>
      {records.map((record) => {
        const to = recordPath(record);
        return to ? (
          <Anchor key={`${record.table}:${record.id}`} component={Link} to={to} size="sm">
            {record.label}
          </Anchor>
        ) : (
          <Text key={`${record.table}:${record.id}`} size="sm">
            {record.label}
          </Text>
        );
      })}
    </Stack>
  );
}

function Suggestion({ problem }: { problem: QualityProblem }) {
  const names = problem.suggestions ?? (problem.suggestion ? [problem.suggestion] : []);
  if (names.length === 0) return <Text size="sm">{t('common.none')}</Text>;
  return <Text size="sm">{names.join(', ')}</Text>;
}

/** The problems of one check, with their records, the suggested fix and what staff decided. */
export function ProblemGroup({ code, problems, onAccept, onReopen, reopening }: Props) {
  const title = tMaybe(`quality.check.${code}`) ?? code;
  const columns: Column<QualityProblem>[] = [
    {
      key: 'message',
      header: t('quality.col.problem'),
      rowHeader: true,
      render: (p) => (
        <Stack gap={4}>
          <Text size="sm" fw={400}>
            {p.message}
          </Text>
          <Group gap={4}>
            <Badge size="sm" variant="light" color={p.severity === 'error' ? 'red' : 'orange'}>
              {t(p.severity === 'error' ? 'quality.severity.error' : 'quality.severity.warning')}
            </Badge>
          </Group>
        </Stack>
      ),
    },
    { key: 'records', header: t('quality.col.records'), render: (p) => <RecordLinks records={p.records} /> },
    {
      key: 'suggestion',
      header: t('quality.col.suggestion'),
      nowrap: true,
      render: (p) => <Suggestion problem={p} />,
    },
    {
      key: 'status',
      header: t('quality.col.status'),
      width: '16rem',
      render: (p) =>
        p.accepted ? (
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              {t('quality.acceptedBy', {
                name: p.accepted.acceptedBy ?? t('quality.someone'),
                date: formatDateTime(p.accepted.acceptedAt),
              })}
            </Text>
            <Text size="sm" fs="italic">
              {t('quality.reason', { reason: p.accepted.reason })}
            </Text>
            <Button
              size="xs"
              variant="default"
              loading={reopening === p.accepted.id}
              onClick={() => onReopen(p)}
              aria-label={t('quality.reopenLabel', { problem: p.message })}
            >
              {t('quality.reopen')}
            </Button>
          </Stack>
        ) : (
          <RowButton
            size="xs"
            light
            onClick={() => onAccept(p)}
            label={t('quality.acceptLabel', { problem: p.message })}
          >
            {t('quality.accept')}
          </RowButton>
        ),
    },
  ];
  return (
    <Section title={t('quality.groupTitle', { title, count: problems.length })}>
      <DataTable caption={title} captionHidden columns={columns} rows={problems} rowKey={(p) => p.key} />
    </Section>
  );
}
