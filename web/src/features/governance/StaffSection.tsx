import { Text } from '@mantine/core';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { type StaffMember, useStaff } from './api';

const columns: Column<StaffMember>[] = [
  {
    key: 'name',
    header: t('governance.col.name'),
    rowHeader: true,
    render: (s) => `${s.firstName} ${s.lastName}`,
  },
  { key: 'mission', header: t('governance.staff.mission'), render: (s) => s.jobTitle },
];

export function StaffSection() {
  const staff = useStaff();
  const items = staff.data?.items ?? [];
  return (
    <Section title={t('governance.staff.title')}>
      <QueryState query={staff}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('governance.staff.empty')}</Text>
        ) : (
          <DataTable
            caption={t('governance.staff.title')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(s) => s.id}
          />
        )}
      </QueryState>
    </Section>
  );
}
