import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { federationKeys, fetchObservatory } from './api';

/** The observatory's indicators summed over the delegations, by year. */
export function NationalObservatoryPage() {
  usePageTitle(t('federation.observatory.title'));
  const rollup = useQuery({
    queryKey: federationKeys.observatory,
    queryFn: ({ signal }) => fetchObservatory(signal),
  });
  return (
    <Stack>
      <Title order={1}>{t('federation.observatory.title')}</Title>
      <QueryState isPending={rollup.isPending} error={rollup.error} onRetry={() => void rollup.refetch()}>
        {rollup.data && (
          <>
            <Text>{t('federation.observatory.intro', { count: String(rollup.data.delegations) })}</Text>
            {rollup.data.indicators.map((indicator) => (
              <Stack key={indicator.code} gap="xs">
                <Title order={2} size="h3">
                  {indicator.label}
                </Title>
                {indicator.totals.length === 0 ? (
                  <Text>{t('federation.observatory.none')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={600}>
                    <Table striped>
                      <caption>{indicator.label}</caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('federation.observatory.col.year')}</Table.Th>
                          <Table.Th scope="col">{t('federation.observatory.col.value')}</Table.Th>
                          <Table.Th scope="col">{t('federation.observatory.col.source')}</Table.Th>
                          <Table.Th scope="col">{t('federation.observatory.col.delegations')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {indicator.totals.map((point) => (
                          <Table.Tr key={`${point.year}/${point.source}/${point.synthetic}`}>
                            <Table.Th scope="row">{point.year}</Table.Th>
                            <Table.Td>{formatNumber(point.value)}</Table.Td>
                            <Table.Td>
                              {point.source === 'computed'
                                ? t('federation.observatory.computed', {
                                    answers: formatNumber(point.answers),
                                  })
                                : t('federation.observatory.declared')}
                              {point.synthetic && t('federation.observatory.synthetic')}
                            </Table.Td>
                            <Table.Td>{point.delegations.join(', ')}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
