import { Anchor } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import { EmailLink } from '../../ui/Contact';
import type { Column } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import { type UserRow, useUsers } from './api';
import { ErrorAlert, UserActions } from './UserActions';

const columns: Column<UserRow>[] = [
  { key: 'name', header: t('admin.col.name'), sortable: true, rowHeader: true, render: (u) => u.name },
  {
    key: 'email',
    header: t('admin.col.email'),
    sortable: true,
    render: (u) => <EmailLink value={u.email} />,
  },
  { key: 'role', header: t('admin.col.role'), sortable: true, render: (u) => t(`role.${u.role}`) },
  {
    key: 'organisation',
    header: t('admin.col.organisation'),
    sortable: true,
    render: (u) =>
      u.organisationId ? (
        <Anchor inherit component={Link} to={`/adherents/${u.organisationId}`}>
          {u.organisationName ?? t('admin.unknownOrganisation')}
        </Anchor>
      ) : (
        t('common.none')
      ),
  },
];

const accessors = {
  name: (u: UserRow) => u.name,
  email: (u: UserRow) => u.email,
  role: (u: UserRow) => t(`role.${u.role}`),
  organisation: (u: UserRow) => u.organisationName,
};

export function UsersSection() {
  const users = useUsers();
  const [error, setError] = useState<unknown>(null);
  const withActions: Column<UserRow>[] = [
    ...columns,
    {
      key: 'actions',
      header: t('admin.col.actions'),
      render: (u) => <UserActions user={u} onError={setError} />,
    },
  ];
  const table = useClientTable(users.data?.items ?? [], accessors, { key: 'name', direction: 'asc' });
  return (
    <Section title={t('admin.users.title')}>
      <QueryState query={users}>
        <ErrorAlert error={error} />
        <ClientDataTable
          caption={t('admin.users.caption')}
          columns={withActions}
          table={table}
          rowKey={(u) => u.id}
          emptyMessage={t('admin.users.empty')}
        />
      </QueryState>
    </Section>
  );
}
