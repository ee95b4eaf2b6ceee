import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { t } from '../../../i18n';
import { EmailLink, PhoneLink } from '../../../ui/Contact';
import { type Column, DataTable, type SortState } from '../../../ui/DataTable';
import { formatDate, orDash } from '../../../ui/format';
import { membershipColor, membershipLabel } from '../labels';
import type { MembershipFilter, OrganisationSort, OrganisationSummary } from '../types';

const nameColumn: Column<OrganisationSummary> = {
  key: 'name',
  header: t('members.col.name'),
  sortable: true,
  rowHeader: true,
  render: (row) => (
    <Anchor inherit component={Link} to={`/adherents/${row.id}`}>
      {row.name}
    </Anchor>
  ),
};

const typesColumn: Column<OrganisationSummary> = {
  key: 'types',
  header: t('members.col.types'),
  render: (row) => (
    <Group gap={4}>
      {row.types.map((type) => (
        <Badge key={type} variant="light" size="sm">
          {type}
        </Badge>
      ))}
    </Group>
  ),
};

const departmentColumn: Column<OrganisationSummary> = {
  key: 'department',
  header: t('members.col.department'),
  sortable: true,
  render: (row) => orDash(row.departments.join(', ')),
};

const cityColumn: Column<OrganisationSummary> = {
  key: 'city',
  header: t('members.col.city'),
  render: (row) => (
    <>
      {orDash(row.city)}
      {row.postcode && (
        <Text size="xs" c="dimmed">
          {row.postcode}
        </Text>
      )}
    </>
  ),
};

const phoneColumn: Column<OrganisationSummary> = {
  key: 'phone',
  header: t('members.col.phone'),
  nowrap: true,
  render: (row) => <PhoneLink value={row.phone} />,
};

const emailColumn: Column<OrganisationSummary> = {
  key: 'email',
  header: t('members.col.email'),
  render: (row) => <EmailLink value={row.email} />,
};

const membershipColumn: Column<OrganisationSummary> = {
  key: 'membership',
  header: t('members.col.membership'),
  nowrap: true,
  render: (row) => (
    <Badge color={membershipColor[row.membership]} variant="light" tt="none" miw="max-content">
      {membershipLabel(row.membership)}
    </Badge>
  ),
};

const updatedColumn: Column<OrganisationSummary> = {
  key: 'updated',
  header: t('members.col.updatedAt'),
  sortable: true,
  nowrap: true,
  firstDirection: 'desc',
  render: (row) => formatDate(row.updatedAt),
};

/** The membership column only says something when the list mixes current and former members. */
function columnsFor(membership: MembershipFilter): Column<OrganisationSummary>[] {
  const status = membership === 'current' ? [] : [membershipColumn];
  return [
    nameColumn,
    typesColumn,
    departmentColumn,
    cityColumn,
    phoneColumn,
    emailColumn,
    ...status,
    updatedColumn,
  ];
}

export function toSortState(sort: OrganisationSort): SortState {
  return sort.startsWith('-') ? { key: sort.slice(1), direction: 'desc' } : { key: sort, direction: 'asc' };
}

export function fromSortState(sort: SortState): OrganisationSort {
  return `${sort.direction === 'desc' ? '-' : ''}${sort.key}` as OrganisationSort;
}

interface Props {
  rows: OrganisationSummary[];
  membership: MembershipFilter;
  sort: OrganisationSort;
  onSortChange: (sort: OrganisationSort) => void;
}

export function MemberTable({ rows, membership, sort, onSortChange }: Props) {
  return (
    <DataTable
      caption={t('members.list.caption')}
      captionHidden
      columns={columnsFor(membership)}
      rows={rows}
      rowKey={(row) => row.id}
      sort={toSortState(sort)}
      onSortChange={(next) => onSortChange(fromSortState(next))}
    />
  );
}
