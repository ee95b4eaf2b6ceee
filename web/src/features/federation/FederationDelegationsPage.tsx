import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { defaultYear, type FederationDelegation, federationKeys, fetchDelegations } from './api';
import { YearSelect } from './YearSelect';

/** The national team's home: every delegation with its key figures of the year. */
export function FederationDelegationsPage() {
  usePageTitle(t('federation.delegations.title'));
  const [year, setYear] = useState(defaultYear);
  const list = useQuery({
    queryKey: federationKeys.delegations(year),
    queryFn: ({ signal }) => fetchDelegations(year, signal),
  });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('federation.delegations.title')}</Title>
        <Button component={Link} to="/federation/nouvelle-delegation">
          {t('federation.delegations.create')}
        </Button>
      </Group>
      <Text>{t('federation.delegations.intro')}</Text>
      <Group gap="xs">
        <Text>{t('federation.delegations.links')}</Text>
        <Anchor component={Link} to="/federation/annuaire">
          {t('federation.nav.directory')}
        </Anchor>
        <Text aria-hidden="true">·</Text>
        <Anchor component={Link} to="/federation/observatoire">
          {t('federation.nav.observatory')}
        </Anchor>
        <Text aria-hidden="true">·</Text>
        <Anchor component={Link} to="/federation/rapport">
          {t('federation.nav.report')}
        </Anchor>
      </Group>
      <YearSelect value={year} onChange={setYear} />
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        {list.data &&
          (list.data.items.length === 0 ? (
            <Text>{t('federation.delegations.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped>
                <caption>{t('federation.delegations.caption', { year: String(list.data.year) })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('federation.delegations.col.delegation')}</Table.Th>
                    <Table.Th scope="col">{t('federation.delegations.col.members')}</Table.Th>
                    <Table.Th scope="col">{t('federation.delegations.col.campaign')}</Table.Th>
                    <Table.Th scope="col">{t('federation.delegations.col.report')}</Table.Th>
                    <Table.Th scope="col">{t('federation.delegations.col.activity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((delegation) => (
                    <DelegationRow key={delegation.id} delegation={delegation} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))}
      </QueryState>
    </Stack>
  );
}

function DelegationRow({ delegation }: { delegation: FederationDelegation }) {
  const types = Object.entries(delegation.members.byType)
    .map(([type, n]) => `${type} ${formatNumber(n)}`)
    .join(' · ');
  const campaign = delegation.campaign;
  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Text fw={600}>{delegation.name}</Text>
        <Text size="sm" c="dimmed">
          {[delegation.region, delegation.slug].filter(Boolean).join(' · ')}
        </Text>
      </Table.Th>
      <Table.Td>
        <Text fw={600}>{formatNumber(delegation.members.total)}</Text>
        {types && <Text size="sm">{types}</Text>}
      </Table.Td>
      <Table.Td>
        {campaign ? (
          <>
            <Text>{campaign.title}</Text>
            <Text size="sm">
              {campaign.completeness === null
                ? t('federation.delegations.noForms')
                : t('federation.delegations.completeness', {
                    percent: String(campaign.completeness).replace('.', ','),
                    validated: String(campaign.counts.validated),
                    total: String(campaign.counts.total),
                  })}
            </Text>
          </>
        ) : (
          t('federation.delegations.noCampaign')
        )}
      </Table.Td>
      <Table.Td>
        {delegation.report.frozen
          ? t('federation.delegations.frozen', { date: formatDate(delegation.report.frozenAt) })
          : t('federation.delegations.notFrozen')}
      </Table.Td>
      <Table.Td>
        {delegation.lastActivity
          ? formatDateTime(delegation.lastActivity)
          : t('federation.delegations.noActivity')}
      </Table.Td>
    </Table.Tr>
  );
}
