import { Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { defaultYear, federationKeys, fetchDelegations, fetchDirectory } from './api';

/** Every delegation's public members, each with its delegation. */
export function NationalDirectoryPage() {
  usePageTitle(t('federation.directory.title'));
  const [q, setQ] = useState('');
  const [delegation, setDelegation] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const query = new URLSearchParams({
    ...(search ? { q: search } : {}),
    ...(delegation ? { delegation } : {}),
  }).toString();
  const delegations = useQuery({
    queryKey: federationKeys.delegations(defaultYear()),
    queryFn: ({ signal }) => fetchDelegations(defaultYear(), signal),
  });
  const directory = useQuery({
    queryKey: federationKeys.directory(query),
    queryFn: ({ signal }) => fetchDirectory(query, signal),
  });
  return (
    <Stack>
      <Title order={1}>{t('federation.directory.title')}</Title>
      <Text>{t('federation.directory.intro')}</Text>
      <Group align="flex-end">
        <TextInput
          label={t('federation.directory.search')}
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('federation.directory.delegation')}
          value={delegation}
          onChange={(event) => setDelegation(event.currentTarget.value)}
          data={[
            { value: '', label: t('federation.directory.all') },
            ...(delegations.data?.items ?? []).map((d) => ({ value: d.slug, label: d.name })),
          ]}
        />
      </Group>
      <QueryState
        isPending={directory.isPending}
        error={directory.error}
        onRetry={() => void directory.refetch()}
      >
        {directory.data &&
          (directory.data.items.length === 0 ? (
            <Text>{t('federation.directory.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped>
                <caption>
                  {t('federation.directory.caption', { count: formatNumber(directory.data.total) })}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('federation.directory.col.name')}</Table.Th>
                    <Table.Th scope="col">{t('federation.directory.col.types')}</Table.Th>
                    <Table.Th scope="col">{t('federation.directory.col.place')}</Table.Th>
                    <Table.Th scope="col">{t('federation.directory.col.delegation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {directory.data.items.map((entry) => (
                    <Table.Tr key={`${entry.delegation.slug}/${entry.id}`}>
                      <Table.Th scope="row">{entry.name}</Table.Th>
                      <Table.Td>{entry.types.join(', ')}</Table.Td>
                      <Table.Td>{[entry.postcode, entry.city].filter(Boolean).join(' ')}</Table.Td>
                      <Table.Td>{entry.delegation.name}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))}
      </QueryState>
    </Stack>
  );
}
