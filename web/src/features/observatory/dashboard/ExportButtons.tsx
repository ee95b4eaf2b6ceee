import { Button, Group, Text } from '@mantine/core';
import { t } from '../../../i18n';
import { Section } from '../../../ui/Section';
import { type DashboardFilters, filterQuery } from './api';

/** Downloads of every indicator over the selected years: plain links, the session cookie goes along. */
export function ExportButtons({ filters }: { filters: DashboardFilters }) {
  const search = filterQuery({ from: filters.from, to: filters.to, include: filters.include });
  return (
    <Section title={t('observatory.dashboard.export.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('observatory.dashboard.export.hint')}
      </Text>
      <Group gap="xs">
        <Button component="a" href={`/api/observatory/export.xlsx${search}`} download variant="default">
          {t('observatory.dashboard.export.xlsx')}
        </Button>
        <Button component="a" href={`/api/observatory/export.csv${search}`} download variant="default">
          {t('observatory.dashboard.export.csv')}
        </Button>
      </Group>
    </Section>
  );
}
