import { Anchor, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { DetailList } from '../../ui/DetailList';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManagePurchasing } from './access';
import { useOpportunity } from './api';
import { CandidatesSection } from './CandidatesSection';
import { euros, kindLabel, sectorLabel, statusLabel } from './labels';
import { MatchesSection } from './MatchesSection';

/** `/achats/opportunites/:id`: the need, the members to put forward (team) and the follow-up board. */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const team = me ? canManagePurchasing(me.role) : false;
  const opportunity = useOpportunity(id);
  const o = opportunity.data;
  usePageTitle(o?.title ?? t('purchasing.opportunities.title'));
  return (
    <Stack>
      <Anchor component={Link} to="/achats">
        {t('purchasing.detail.back')}
      </Anchor>
      <QueryState query={opportunity}>
        {o && (
          <>
            <Title order={1}>{o.title}</Title>
            <Section title={t('purchasing.detail.facts')}>
              <DetailList
                items={[
                  {
                    label: t('purchasing.opportunity.buyer'),
                    value: `${o.buyerName} (${sectorLabel(o.buyerSector)})`,
                  },
                  { label: t('purchasing.opportunity.kind'), value: kindLabel(o.kind) },
                  { label: t('purchasing.opportunity.status'), value: statusLabel(o.status) },
                  { label: t('purchasing.opportunity.amount'), value: euros(o.amount) },
                  {
                    label: t('purchasing.opportunity.town'),
                    value:
                      [o.town, o.department && `(${o.department})`].filter(Boolean).join(' ') ||
                      t('common.none'),
                  },
                  { label: t('purchasing.opportunity.deadline'), value: formatDate(o.deadline) },
                  {
                    label: t('purchasing.opportunity.activities'),
                    value: o.activities.join(', ') || t('common.none'),
                  },
                  {
                    label: t('purchasing.opportunity.description'),
                    value: o.description ?? t('common.none'),
                  },
                ]}
              />
            </Section>
            {team && <CandidatesSection opportunityId={o.id} />}
            <MatchesSection
              title={t('purchasing.matches.title')}
              opportunityId={o.id}
              linkOpportunities={false}
              canUpdate={team}
              team={team}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
