import { List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { matchStatuses, useStats } from './api';
import { matchStatusLabel } from './labels';

const thisYear = new Date().getFullYear();
const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

/** What the follow-ups give for a year, and apart from it what buyers declared: never added together. */
export function StatsSection() {
  const [year, setYear] = useState(thisYear);
  const stats = useStats(year);
  return (
    <Section
      title={t('purchasing.stats.title')}
      actions={
        <NativeSelect
          label={t('purchasing.stats.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={years}
          size="xs"
        />
      }
    >
      <QueryState query={stats}>
        {stats.data && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('purchasing.stats.computed')}
              </Title>
              <List>
                <List.Item>
                  {t('purchasing.stats.opportunities')} : {formatNumber(stats.data.computed.opportunities)}
                </List.Item>
                <List.Item>
                  {t('purchasing.stats.matches')} : {formatNumber(stats.data.computed.matches)} (
                  {matchStatuses
                    .map((s) => `${matchStatusLabel(s)} ${formatNumber(stats.data.computed.byStatus[s])}`)
                    .join(', ')}
                  )
                </List.Item>
                <List.Item>
                  {t('purchasing.stats.hours')} : {formatNumber(stats.data.computed.insertionHours)}
                </List.Item>
              </List>
            </Stack>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('purchasing.stats.declared')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('purchasing.stats.declaredHint')}
              </Text>
              {stats.data.declared.length === 0 ? (
                <Text>{t('purchasing.stats.noDeclared')}</Text>
              ) : (
                <List>
                  {stats.data.declared.map((f) => (
                    <List.Item key={f.key}>
                      <Text span fw={600}>
                        {formatNumber(f.value)}
                      </Text>{' '}
                      — {f.label}
                      <Text size="xs" c="dimmed">
                        {f.source}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </SimpleGrid>
        )}
      </QueryState>
    </Section>
  );
}
