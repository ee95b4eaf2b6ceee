import { Table } from '@mantine/core';
import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import type { DepartmentCount } from './DepartmentMap';
import { departmentName } from './departments';

/** The map's text alternative: the same figures, one row per department. */
export function DepartmentTable({ counts }: { counts: DepartmentCount[] }) {
  return (
    <Table striped verticalSpacing={4} fz="sm" maw={420}>
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, paddingBottom: 4 }}>
        {t('public.table.caption')}
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('public.table.department')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('public.table.members')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {counts.map(({ code, count }) => (
          <Table.Tr key={code}>
            <Table.Th scope="row" fw={400}>
              {`${code} — ${departmentName(code)}`}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
