import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { EditDeleteButtons } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import {
  type Buyer,
  deleteOpportunity,
  exportUrls,
  type Opportunity,
  purchasingKeys,
  useOpportunities,
} from './api';
import { euros, kindLabel, statusLabel } from './labels';
import { OpportunityDialog } from './OpportunityDialog';

const accessors = {
  title: (o: Opportunity) => o.title,
  buyer: (o: Opportunity) => o.buyerName,
  kind: (o: Opportunity) => kindLabel(o.kind),
  amount: (o: Opportunity) => o.amount,
  place: (o: Opportunity) => o.department ?? o.town ?? '',
  deadline: (o: Opportunity) => o.deadline ?? '',
  status: (o: Opportunity) => statusLabel(o.status),
};

interface Props {
  title: string;
  /** Given to the team: it edits the opportunities of these buyers. */
  buyers?: Buyer[];
  /** Whether titles link to the opportunity's page (candidates and follow-ups). */
  linkTitles: boolean;
}

export function OpportunitiesSection({ title, buyers, linkTitles }: Props) {
  const opportunities = useOpportunities();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Opportunity | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Opportunity | null>(null);
  const table = useClientTable(opportunities.data?.items ?? [], accessors, {
    key: 'deadline',
    direction: 'asc',
  });
  const columns: Column<Opportunity>[] = [
    {
      key: 'title',
      header: t('purchasing.opportunity.title'),
      rowHeader: true,
      sortable: true,
      render: (o) => (linkTitles ? <Link to={`/achats/opportunites/${o.id}`}>{o.title}</Link> : o.title),
    },
    { key: 'buyer', header: t('purchasing.opportunity.buyer'), sortable: true, render: (o) => o.buyerName },
    {
      key: 'kind',
      header: t('purchasing.opportunity.kind'),
      sortable: true,
      render: (o) => kindLabel(o.kind),
    },
    {
      key: 'activities',
      header: t('purchasing.opportunity.activities'),
      render: (o) => o.activities.join(', ') || t('common.none'),
    },
    {
      key: 'amount',
      header: t('purchasing.opportunity.amount'),
      sortable: true,
      nowrap: true,
      render: (o) => euros(o.amount),
    },
    {
      key: 'place',
      header: t('purchasing.opportunity.town'),
      sortable: true,
      render: (o) =>
        [o.town, o.department && `(${o.department})`].filter(Boolean).join(' ') || t('common.none'),
    },
    {
      key: 'deadline',
      header: t('purchasing.opportunity.deadline'),
      sortable: true,
      nowrap: true,
      render: (o) => formatDate(o.deadline),
    },
    {
      key: 'status',
      header: t('purchasing.opportunity.status'),
      sortable: true,
      render: (o) => statusLabel(o.status),
    },
  ];
  if (buyers)
    columns.push({
      key: 'edit',
      header: t('common.actions'),
      render: (o) => (
        <EditDeleteButtons
          onEdit={() => setEditing(o)}
          editLabel={t('purchasing.opportunities.editOf', { name: o.title })}
          onDelete={() => setDeleting(o)}
          deleteLabel={t('purchasing.opportunities.deleteOf', { name: o.title })}
        />
      ),
    });
  const remove = async () => {
    if (!deleting) return;
    await deleteOpportunity(deleting.id);
    await queryClient.invalidateQueries({ queryKey: purchasingKeys.all });
  };
  return (
    <Section
      title={title}
      actions={
        <>
          <Button component="a" href={exportUrls.opportunities} download variant="default" size="xs">
            {t('purchasing.export')}
          </Button>
          {buyers && (
            <Button
              size="xs"
              onClick={() => setEditing(null)}
              disabled={buyers.length === 0}
              title={buyers.length === 0 ? t('purchasing.opportunities.needBuyer') : undefined}
            >
              {t('purchasing.opportunities.create')}
            </Button>
          )}
        </>
      }
    >
      <QueryState query={opportunities}>
        <ClientDataTable
          caption={title}
          columns={columns}
          table={table}
          rowKey={(o) => o.id}
          emptyMessage={t('purchasing.opportunities.empty')}
          pagingOnlyWhenNeeded
        />
      </QueryState>
      {buyers && (
        <OpportunityDialog editing={editing} buyers={buyers} onClose={() => setEditing(undefined)} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('purchasing.opportunities.deleteTitle')}
        message={t('purchasing.opportunities.deleteMessage', { name: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={remove}
      />
    </Section>
  );
}
