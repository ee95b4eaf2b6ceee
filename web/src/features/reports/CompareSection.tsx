import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { type FigureComparison, useComparison } from './api';
import { formatDelta, formatReportValue } from './format';

const ARROWS: Record<FigureComparison['trend'], string> = { up: '↑', down: '↓', same: '=', unknown: '–' };

/** This year's key figures beside another year's: what grew, what shrank. */
export function CompareSection({ year, years }: { year: number; years: number[] }) {
  const [other, setOther] = useState<string>('');
  const from = Number(other);
  const comparison = useComparison(from, year, other !== '');
  return (
    <Stack>
      <NativeSelect
        label={t('reports.compare.with')}
        value={other}
        onChange={(e) => setOther(e.currentTarget.value)}
        data={[{ value: '', label: '—' }, ...years.filter((y) => y !== year).map((y) => String(y))]}
        maw={220}
      />
      {other !== '' && (
        <QueryState query={comparison}>
          <Table striped fz="sm">
            <caption>{t('reports.compare.caption', { from: other, to: String(year) })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.compare.figure')}</Table.Th>
                <Table.Th scope="col">{other}</Table.Th>
                <Table.Th scope="col">{String(year)}</Table.Th>
                <Table.Th scope="col">{t('reports.compare.change')}</Table.Th>
                <Table.Th scope="col">{t('reports.compare.trend')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(comparison.data?.items ?? []).map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row">{item.label}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatReportValue(item.from, item.unit)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatReportValue(item.to, item.unit)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDelta(item.delta, item.unit)}</Table.Td>
                  <Table.Td>
                    <Text span aria-hidden="true" fw={700} mr={4}>
                      {ARROWS[item.trend]}
                    </Text>
                    {t(`reports.compare.${item.trend}`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </QueryState>
      )}
    </Stack>
  );
}
