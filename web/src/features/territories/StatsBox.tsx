import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { t, tn } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { statKeys, useTerritoryStats } from './api';

interface Props {
  year: number;
  years: number[];
  onYear: (year: number) => void;
}

/** The year's counts: computed from the records and declared by the sources, side by side, never summed. */
export function StatsBox({ year, years, onYear }: Props) {
  const stats = useTerritoryStats(year);
  return (
    <Section
      title={t('territories.stats.title')}
      actions={
        <NativeSelect
          label={t('territories.stats.year')}
          value={String(year)}
          onChange={(event) => onYear(Number(event.currentTarget.value))}
          data={years.map(String)}
        />
      }
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('territories.stats.explain')}
        </Text>
        <QueryState isPending={stats.isPending} error={stats.error}>
          {stats.data && (
            <>
              <Table withTableBorder>
                <Table.Caption>{t('territories.stats.caption', { year })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('territories.stats.indicator')}</Table.Th>
                    <Table.Th scope="col">{t('territories.stats.computed')}</Table.Th>
                    <Table.Th scope="col">{t('territories.stats.declared')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {statKeys.map((key) => {
                    const declared = stats.data.declared[key];
                    return (
                      <Table.Tr key={key}>
                        <Table.Th scope="row">{t(`territories.stats.${key}`)}</Table.Th>
                        <Table.Td>{formatNumber(stats.data.computed[key])}</Table.Td>
                        <Table.Td title={declared?.source}>
                          {declared ? formatNumber(declared.value) : t('territories.stats.noDeclared')}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {stats.data.computed.ptcePhaseUnknown > 0 && (
                <Text size="sm">
                  {tn('territories.stats.ptceUnknown', stats.data.computed.ptcePhaseUnknown)}
                </Text>
              )}
              {stats.data.computed.zestUndatedSessions > 0 && (
                <Text size="sm">
                  {tn('territories.stats.undated', stats.data.computed.zestUndatedSessions)}
                </Text>
              )}
            </>
          )}
        </QueryState>
      </Stack>
    </Section>
  );
}
