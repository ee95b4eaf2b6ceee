import { Badge } from '@mantine/core';
import { useMemo, useState } from 'react';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import { type InvitationRow, useInvitations } from './api';
import { ErrorAlert, InvitationActions } from './UserActions';
import { useOrganisationNames } from './useOrganisationNames';

const isExpired = (i: InvitationRow) => new Date(i.expiresAt).getTime() < Date.now();

const accessors = {
  email: (i: InvitationRow) => i.email,
  role: (i: InvitationRow) => t(`role.${i.role}`),
  createdAt: (i: InvitationRow) => i.createdAt,
  status: (i: InvitationRow) => i.expiresAt,
};

export function InvitationsSection() {
  const invitations = useInvitations();
  const names = useOrganisationNames();
  const [error, setError] = useState<unknown>(null);
  const pending = useMemo(
    () => (invitations.data?.items ?? []).filter((i) => !i.acceptedAt),
    [invitations.data],
  );
  const table = useClientTable(pending, accessors, { key: 'createdAt', direction: 'desc' });

  const columns: Column<InvitationRow>[] = [
    { key: 'email', header: t('admin.col.email'), sortable: true, rowHeader: true, render: (i) => i.email },
    { key: 'role', header: t('admin.col.role'), sortable: true, render: (i) => t(`role.${i.role}`) },
    {
      key: 'organisation',
      header: t('admin.col.organisation'),
      render: (i) =>
        i.organisationId ? (names.get(i.organisationId) ?? t('admin.unknownOrganisation')) : t('common.none'),
    },
    {
      key: 'createdAt',
      header: t('admin.col.createdAt'),
      sortable: true,
      firstDirection: 'desc',
      render: (i) => formatDate(i.createdAt),
    },
    {
      key: 'status',
      header: t('admin.col.status'),
      sortable: true,
      render: (i) =>
        isExpired(i) ? (
          <Badge color="gray" variant="light">
            {t('admin.invitations.expired', { date: formatDate(i.expiresAt) })}
          </Badge>
        ) : (
          <Badge color="blue" variant="light">
            {t('admin.invitations.pendingUntil', { date: formatDate(i.expiresAt) })}
          </Badge>
        ),
    },
    {
      key: 'actions',
      header: t('admin.col.actions'),
      render: (i) => <InvitationActions invitation={i} onError={setError} />,
    },
  ];

  return (
    <Section title={t('admin.invitations.title')}>
      <QueryState query={invitations}>
        <ErrorAlert error={error} />
        <ClientDataTable
          caption={t('admin.invitations.caption')}
          columns={columns}
          table={table}
          rowKey={(i) => i.id}
          emptyMessage={t('admin.invitations.empty')}
          pagingOnlyWhenNeeded
        />
      </QueryState>
    </Section>
  );
}
