import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { t, tn } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import { ConfirmDelete } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataTable';
import { formatBoolean, orDash, websiteHref } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { EditDeleteButtons } from '../../ui/RowActions';
import { SearchBox } from '../../ui/SearchBox';
import { useClientTable } from '../../ui/useClientTable';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSearchParam } from '../../ui/useSearchParam';
import { canWriteActions } from './access';
import { actionsKeys, deletePartner, type Partner, usePartners } from './api';
import { partnerKindLabel, partnerKindOptions } from './labels';
import { PartnerDialog } from './PartnerDialog';

const accessors = {
  name: (p: Partner) => p.name,
  kind: (p: Partner) => partnerKindLabel(p.kind),
  department: (p: Partner) => p.department,
  actionsCount: (p: Partner) => p.actionsCount,
};

/** `/partenaires`: the partners and funders registry; search and kind live in the URL. */
export function PartnersPage() {
  usePageTitle(t('actions.partners.title'));
  const { data: me } = useMe();
  const write = me ? canWriteActions(me.role) : false;
  const [search, setParam] = useSearchParam();
  const q = search.get('q') ?? '';
  const kind = search.get('kind') ?? '';
  const partners = usePartners({ ...(q ? { q } : {}), ...(kind ? { kind } : {}) });
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Partner | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Partner | null>(null);
  const table = useClientTable(partners.data?.items ?? [], accessors, { key: 'name', direction: 'asc' });

  const columns: Column<Partner>[] = [
    {
      key: 'name',
      header: t('actions.partner.name'),
      rowHeader: true,
      sortable: true,
      render: (p) => p.name,
    },
    {
      key: 'kind',
      header: t('actions.partner.kind'),
      sortable: true,
      render: (p) => partnerKindLabel(p.kind),
    },
    {
      key: 'department',
      header: t('actions.partner.department'),
      sortable: true,
      render: (p) => orDash(p.department),
    },
    {
      key: 'website',
      header: t('actions.partner.website'),
      render: (p) =>
        p.website ? (
          <Anchor href={websiteHref(p.website)} target="_blank" rel="noreferrer">
            {p.website}
          </Anchor>
        ) : (
          t('common.none')
        ),
    },
    { key: 'thanked', header: t('actions.partner.thankedShort'), render: (p) => formatBoolean(p.thanked) },
    {
      key: 'actionsCount',
      header: t('actions.partner.actionsCount'),
      sortable: true,
      firstDirection: 'desc',
      render: (p) =>
        p.actionsCount > 0 ? (
          <Anchor component={Link} to={`/actions?partnerId=${p.id}`}>
            {tn('actions.partner.actions', p.actionsCount)}
          </Anchor>
        ) : (
          <Badge variant="light" color="gray">
            {t('actions.partner.noAction')}
          </Badge>
        ),
    },
  ];
  if (write)
    columns.push({
      key: 'edit',
      header: t('common.actions'),
      render: (p) => (
        <EditDeleteButtons
          onEdit={() => setEditing(p)}
          editLabel={t('actions.partner.editOf', { name: p.name })}
          onDelete={() => setDeleting(p)}
          deleteLabel={t('actions.partner.deleteOf', { name: p.name })}
        />
      ),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('actions.partners.title')}</Title>
        {write && <Button onClick={() => setEditing(null)}>{t('actions.partner.create')}</Button>}
      </Group>
      <Text c="dimmed">{t('actions.partners.intro')}</Text>
      <search>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SearchBox
            label={t('actions.partners.search')}
            value={q}
            onSearch={(value) => setParam('q', value)}
          />
          <NativeSelect
            label={t('actions.partner.kind')}
            value={kind}
            onChange={(event) => setParam('kind', event.currentTarget.value)}
            data={[{ value: '', label: t('actions.partners.anyKind') }, ...partnerKindOptions]}
          />
        </SimpleGrid>
      </search>
      <QueryState query={partners}>
        <ClientDataTable
          caption={t('actions.partners.title')}
          columns={columns}
          table={table}
          rowKey={(p) => p.id}
          emptyMessage={t('actions.partners.empty')}
        />
      </QueryState>
      <PartnerDialog editing={editing} onClose={() => setEditing(undefined)} />
      <ConfirmDelete
        row={deleting}
        title={t('actions.partner.deleteTitle')}
        message={(row) => t('actions.partner.deleteMessage', { name: row.name })}
        onClose={() => setDeleting(null)}
        onDelete={async (row) => {
          await deletePartner(row.id);
          await queryClient.invalidateQueries({ queryKey: actionsKeys.partners });
        }}
      />
    </Stack>
  );
}
