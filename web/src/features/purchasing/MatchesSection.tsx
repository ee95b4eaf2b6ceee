import { Button } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import type { Column } from '../../ui/DataTable';
import { formatDate, formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import { exportUrls, type Match, useMatches } from './api';
import { matchStatusLabel } from './labels';
import { MatchDialog } from './MatchDialog';

const accessors = {
  opportunity: (m: Match) => m.opportunityTitle,
  member: (m: Match) => m.organisationName,
  status: (m: Match) => matchStatusLabel(m.status),
  hours: (m: Match) => m.insertionHours,
  deadline: (m: Match) => m.deadline ?? '',
};

interface Props {
  title: string;
  /** The follow-ups of one opportunity; every visible one otherwise. */
  opportunityId?: string;
  /** Whether the opportunity titles link to their page (the team's and the board's screens). */
  linkOpportunities: boolean;
  canUpdate: boolean;
  team: boolean;
}

/** The follow-up board: who was put forward, what came of it, the hours delivered. */
export function MatchesSection({ title, opportunityId, linkOpportunities, canUpdate, team }: Props) {
  const matches = useMatches(opportunityId);
  const [editing, setEditing] = useState<Match | null>(null);
  const table = useClientTable(matches.data?.items ?? [], accessors, {
    key: 'opportunity',
    direction: 'asc',
  });
  const columns: Column<Match>[] = [
    ...(opportunityId
      ? []
      : [
          {
            key: 'opportunity',
            header: t('purchasing.match.opportunity'),
            sortable: true,
            render: (m: Match) =>
              linkOpportunities ? (
                <Link to={`/achats/opportunites/${m.opportunityId}`}>{m.opportunityTitle}</Link>
              ) : (
                `${m.opportunityTitle} (${m.buyerName})`
              ),
          },
        ]),
    {
      key: 'member',
      header: t('purchasing.match.member'),
      sortable: true,
      rowHeader: true,
      render: (m) => m.organisationName,
    },
    {
      key: 'status',
      header: t('purchasing.match.status'),
      sortable: true,
      nowrap: true,
      render: (m) => matchStatusLabel(m.status),
    },
    {
      key: 'hours',
      header: t('purchasing.match.insertionHours'),
      sortable: true,
      render: (m) => (m.insertionHours === null ? t('common.none') : formatNumber(m.insertionHours)),
    },
    {
      key: 'deadline',
      header: t('purchasing.opportunity.deadline'),
      sortable: true,
      nowrap: true,
      render: (m) => formatDate(m.deadline),
    },
    {
      key: 'reasons',
      header: t('purchasing.match.reasons'),
      render: (m) => m.reasons.join(' ; ') || t('common.none'),
    },
    { key: 'note', header: t('purchasing.match.note'), render: (m) => m.note ?? t('common.none') },
  ];
  if (canUpdate)
    columns.push({
      key: 'update',
      header: t('common.actions'),
      render: (m) => (
        <RowButton
          onClick={() => setEditing(m)}
          label={t('purchasing.matches.updateOf', { name: m.organisationName })}
        >
          {t('purchasing.matches.update')}
        </RowButton>
      ),
    });
  return (
    <Section
      title={title}
      actions={
        <Button component="a" href={exportUrls.matches(opportunityId)} download variant="default" size="xs">
          {t('purchasing.export')}
        </Button>
      }
    >
      <QueryState query={matches}>
        <ClientDataTable
          caption={title}
          columns={columns}
          table={table}
          rowKey={(m) => m.id}
          emptyMessage={t('purchasing.matches.empty')}
          pagingOnlyWhenNeeded
        />
      </QueryState>
      <MatchDialog match={editing} team={team} onClose={() => setEditing(null)} />
    </Section>
  );
}
