import { Anchor, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { defaultYear, federationKeys, fetchReport, reportDownloadUrl } from './api';
import { YearSelect } from './YearSelect';

const FORMATS = ['html', 'pdf', 'docx', 'json'] as const;

/** The national activity report: its summary, and the whole report to download. */
export function NationalReportPage() {
  usePageTitle(t('federation.report.title'));
  const [year, setYear] = useState(defaultYear);
  const report = useQuery({
    queryKey: federationKeys.report(year),
    queryFn: ({ signal }) => fetchReport(year, signal),
  });
  return (
    <Stack>
      <Title order={1}>{t('federation.report.title')}</Title>
      <Text>{t('federation.report.intro')}</Text>
      <YearSelect value={year} onChange={setYear} />
      <Group gap="sm">
        <Text>{t('federation.report.download')} :</Text>
        {FORMATS.map((format) => (
          <Anchor key={format} href={reportDownloadUrl(year, format)} download>
            {t(`federation.report.format.${format}`)}
          </Anchor>
        ))}
      </Group>
      <QueryState isPending={report.isPending} error={report.error} onRetry={() => void report.refetch()}>
        {report.data && (
          <>
            <Title order={2} size="h3">
              {report.data.name}
            </Title>
            <Text fw={600}>
              {t('federation.report.members', {
                total: formatNumber(report.data.members.total),
                organisations: formatNumber(report.data.members.organisations),
              })}
            </Text>
            <Title order={3} size="h4">
              {t('federation.report.byType')}
            </Title>
            <List>
              {Object.entries(report.data.members.byType).map(([type, n]) => (
                <List.Item key={type}>
                  {type} : {formatNumber(n)}
                </List.Item>
              ))}
            </List>
            <Table.ScrollContainer minWidth={500}>
              <Table striped>
                <caption>{t('federation.report.delegations')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('federation.report.col.delegation')}</Table.Th>
                    <Table.Th scope="col">{t('federation.report.col.members')}</Table.Th>
                    <Table.Th scope="col">{t('federation.report.col.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.delegations.map((d) => (
                    <Table.Tr key={d.slug}>
                      <Table.Th scope="row">{d.name}</Table.Th>
                      <Table.Td>{formatNumber(d.membersTotal)}</Table.Td>
                      <Table.Td>{formatNumber(d.actions)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
