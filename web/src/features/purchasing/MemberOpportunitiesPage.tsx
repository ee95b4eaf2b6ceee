import { Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManagePurchasing, canReadPurchasing, canUpdateFollowUp } from './access';
import { MatchesSection } from './MatchesSection';
import { OpportunitiesSection } from './OpportunitiesSection';

/** `/achats/opportunites`: open opportunities and, for a member user, its own follow-ups. */
export function MemberOpportunitiesPage() {
  usePageTitle(t('purchasing.member.title'));
  const { data: me } = useMe();
  const role = me?.role ?? 'member';
  const team = canManagePurchasing(role);
  return (
    <Stack>
      <Title order={1}>{t('purchasing.member.title')}</Title>
      <Text c="dimmed">{t('purchasing.member.intro')}</Text>
      <OpportunitiesSection title={t('purchasing.member.open')} linkTitles={canReadPurchasing(role)} />
      <MatchesSection
        title={team ? t('purchasing.matches.title') : t('purchasing.matches.mine')}
        linkOpportunities={canReadPurchasing(role)}
        canUpdate={canUpdateFollowUp(role)}
        team={team}
      />
    </Stack>
  );
}
