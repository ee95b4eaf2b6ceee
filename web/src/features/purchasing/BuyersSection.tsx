import { Anchor, Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataTable';
import { formatPhone, phoneHref } from '../../ui/format';
import { EditDeleteButtons } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import { type Buyer, deleteBuyer, exportUrls, purchasingKeys } from './api';
import { BuyerDialog } from './BuyerDialog';
import { sectorLabel } from './labels';

const accessors = { name: (b: Buyer) => b.name, sector: (b: Buyer) => sectorLabel(b.sector) };

/** The buyers; contact columns, export and editing for the team only. */
export function BuyersSection({ buyers, team }: { buyers: Buyer[]; team: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Buyer | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Buyer | null>(null);
  const table = useClientTable(buyers, accessors, { key: 'name', direction: 'asc' });
  const columns: Column<Buyer>[] = [
    {
      key: 'name',
      header: t('purchasing.buyer.name'),
      rowHeader: true,
      sortable: true,
      render: (b) => b.name,
    },
    {
      key: 'sector',
      header: t('purchasing.buyer.sector'),
      sortable: true,
      render: (b) => sectorLabel(b.sector),
    },
  ];
  if (team)
    columns.push({
      key: 'contact',
      header: t('purchasing.buyer.contactName'),
      render: (b) => (
        <>
          {b.contactName ?? t('common.none')}
          {b.contactEmail && (
            <>
              <br />
              <Anchor href={`mailto:${b.contactEmail}`}>{b.contactEmail}</Anchor>
            </>
          )}
          {b.contactPhone && (
            <>
              <br />
              <Anchor href={phoneHref(b.contactPhone)}>{formatPhone(b.contactPhone)}</Anchor>
            </>
          )}
        </>
      ),
    });
  columns.push({
    key: 'note',
    header: t('purchasing.buyer.note'),
    render: (b) => b.note ?? t('common.none'),
  });
  if (team)
    columns.push({
      key: 'edit',
      header: t('common.actions'),
      render: (b) => (
        <EditDeleteButtons
          onEdit={() => setEditing(b)}
          editLabel={t('purchasing.buyers.editOf', { name: b.name })}
          onDelete={() => setDeleting(b)}
          deleteLabel={t('purchasing.buyers.deleteOf', { name: b.name })}
        />
      ),
    });
  const remove = async () => {
    if (!deleting) return;
    await deleteBuyer(deleting.id);
    await queryClient.invalidateQueries({ queryKey: purchasingKeys.all });
  };
  return (
    <Section
      title={t('purchasing.buyers.title')}
      actions={
        team && (
          <>
            <Button component="a" href={exportUrls.buyers} download variant="default" size="xs">
              {t('purchasing.export')}
            </Button>
            <Button size="xs" onClick={() => setEditing(null)}>
              {t('purchasing.buyers.create')}
            </Button>
          </>
        )
      }
    >
      {!team && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('purchasing.buyers.contactsHidden')}
        </Text>
      )}
      <ClientDataTable
        caption={t('purchasing.buyers.title')}
        columns={columns}
        table={table}
        rowKey={(b) => b.id}
        emptyMessage={t('purchasing.buyers.empty')}
        pagingOnlyWhenNeeded
      />
      <BuyerDialog editing={editing} onClose={() => setEditing(undefined)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('purchasing.buyers.deleteTitle')}
        message={t('purchasing.buyers.deleteMessage', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={remove}
      />
    </Section>
  );
}
