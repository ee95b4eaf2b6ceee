import { SimpleGrid, Table, Text } from '@mantine/core';
import { t, tn } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { DepartmentMap } from '../public/DepartmentMap';
import { projectKinds, useProjectsMap } from './api';

interface Props {
  selected: string;
  onSelect: (department: string) => void;
}

/** Projects per department: the public site's map (all kinds) and a table by kind as its text alternative. */
export function MapSection({ selected, onSelect }: Props) {
  const map = useProjectsMap();
  const departments = map.data?.departments ?? [];
  return (
    <Section title={t('territories.map.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('territories.map.explain')}
      </Text>
      <QueryState isPending={map.isPending} error={map.error}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <DepartmentMap
            counts={departments.map((d) => ({ code: d.code, count: d.total }))}
            selected={selected}
            onSelect={onSelect}
          />
          <Table withTableBorder>
            <Table.Caption>{t('territories.map.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('territories.map.department')}</Table.Th>
                {projectKinds.map((kind) => (
                  <Table.Th key={kind} scope="col">
                    {t(`territories.kind.${kind}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('territories.map.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {departments.map((d) => (
                <Table.Tr key={d.code}>
                  <Table.Th scope="row">{d.name ? `${d.name} (${d.code})` : d.code}</Table.Th>
                  {projectKinds.map((kind) => (
                    <Table.Td key={kind}>{d[kind]}</Table.Td>
                  ))}
                  <Table.Td>{d.total}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
        {(map.data?.withoutDepartment ?? 0) > 0 && (
          <Text size="sm" mt="xs">
            {tn('territories.map.without', map.data?.withoutDepartment ?? 0)}
          </Text>
        )}
      </QueryState>
    </Section>
  );
}
