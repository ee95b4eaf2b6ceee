import { Badge, Stack, Table, Text } from '@mantine/core';
import { t } from '../../i18n';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { type ProgressItem, useProgress } from './api';

function change(value: number | null | undefined) {
  if (value === null || value === undefined)
    return (
      <Text size="sm" c="dimmed">
        {t('qualityApproaches.progress.first')}
      </Text>
    );
  const color = value > 0 ? 'green' : value < 0 ? 'red' : 'gray';
  return (
    <Badge color={color} variant="light">
      {value > 0 ? `+${value}` : String(value)}
    </Badge>
  );
}

function Scores({ item }: { item: ProgressItem }) {
  return (
    <Table>
      <Table.Caption>
        {t('qualityApproaches.progress.of', { date: formatDate(item.assessedOn), grid: item.gridName })}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('qualityApproaches.progress.pillar')}</Table.Th>
          <Table.Th scope="col">{t('qualityApproaches.progress.score')}</Table.Th>
          <Table.Th scope="col">{t('qualityApproaches.progress.change')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {item.pillars.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Th scope="row">{p.label}</Table.Th>
            <Table.Td>{item.scores[p.id] ?? '—'}</Table.Td>
            <Table.Td>{change(item.changes[p.id])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Scores per pillar of each completed assessment, newest first, with the change from the previous one. */
export function ProgressSection({ organisationId }: { organisationId: string }) {
  const progress = useProgress(organisationId);
  const items = [...(progress.data?.items ?? [])].reverse();
  return (
    <Section title={t('qualityApproaches.progress.title')}>
      <QueryState query={progress}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('qualityApproaches.progress.empty')}</Text>
        ) : (
          <Stack>
            {items.map((item) => (
              <Scores key={item.id} item={item} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
