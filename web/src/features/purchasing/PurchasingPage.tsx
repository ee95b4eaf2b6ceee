import { Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManagePurchasing } from './access';
import { useBuyers } from './api';
import { BuyersSection } from './BuyersSection';
import { MatchesSection } from './MatchesSection';
import { OpportunitiesSection } from './OpportunitiesSection';
import { StatsSection } from './StatsSection';

/** `/achats`: buyers, their opportunities, every follow-up and the year's figures (team and board). */
export function PurchasingPage() {
  usePageTitle(t('purchasing.title'));
  const { data: me } = useMe();
  const team = me ? canManagePurchasing(me.role) : false;
  const buyers = useBuyers();
  return (
    <Stack>
      <Title order={1}>{t('purchasing.title')}</Title>
      <Text c="dimmed">{t('purchasing.intro')}</Text>
      <QueryState query={buyers}>
        <BuyersSection buyers={buyers.data?.items ?? []} team={team} />
        <OpportunitiesSection
          title={t('purchasing.opportunities.title')}
          linkTitles
          {...(team ? { buyers: buyers.data?.items ?? [] } : {})}
        />
      </QueryState>
      <MatchesSection title={t('purchasing.matches.title')} linkOpportunities canUpdate={team} team={team} />
      <StatsSection />
    </Stack>
  );
}
