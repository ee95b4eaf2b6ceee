import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../../app/session';
import { t } from '../../../i18n';
import { QueryState } from '../../../ui/QueryState';
import { Section } from '../../../ui/Section';
import { usePageTitle } from '../../../ui/usePageTitle';
import { canEditDeclared } from './access';
import { useDashboard, useDashboardOptions } from './api';
import { Legend } from './charts/Legend';
import { DeclaredSection } from './DeclaredSection';
import { DynamicExitsSection } from './DynamicExitsSection';
import { ExportButtons } from './ExportButtons';
import { Filters } from './Filters';
import { IndicatorPanel } from './IndicatorPanel';
import { SyntheticBadge } from './SyntheticBadge';
import { useDashboardFilters } from './useFilters';

/** The observatory's dashboards: evolution and split of the chosen indicators, exits, declared figures, exports. */
export function DashboardPage() {
  usePageTitle(t('observatory.dashboard.title'));
  const { data: me } = useMe();
  const [filters, setFilters] = useDashboardFilters();
  const options = useDashboardOptions();
  const dashboard = useDashboard(filters, options.isSuccess);
  const data = dashboard.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('observatory.dashboard.title')}</Title>
        <Anchor component={Link} to="/observatoire/position">
          {t('observatory.dashboard.positionLink')}
        </Anchor>
      </Group>
      <Text c="dimmed">{t('observatory.dashboard.intro')}</Text>
      <QueryState query={options}>
        {options.data && (
          <Stack>
            <Section title={t('observatory.dashboard.filters')}>
              <Filters filters={filters} options={options.data} onChange={setFilters} />
            </Section>
            {data?.synthetic && (
              <Alert color="orange" title={<SyntheticBadge />}>
                {t('observatory.dashboard.syntheticNote')}
              </Alert>
            )}
            <Legend synthetic={data?.synthetic ?? false} />
            {filters.indicators.length > 0 && (
              <QueryState query={dashboard}>
                {data && (
                  <Stack>
                    {data.indicators.map((series) => (
                      <IndicatorPanel key={series.code} series={series} />
                    ))}
                    <DynamicExitsSection exits={data.dynamicExits} />
                  </Stack>
                )}
              </QueryState>
            )}
            <DeclaredSection options={options.data} canEdit={me ? canEditDeclared(me.role) : false} />
            <ExportButtons filters={filters} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
