import { Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { AssessmentsSection } from './AssessmentsSection';
import { canWriteQualityApproaches } from './access';
import { CertificationsSection } from './CertificationsSection';
import { CohortsSection } from './CohortsSection';
import { GridsSection } from './GridsSection';

/** `/qualite-rse`: certifications with their expiry alerts, cohorts and grids (staff write, board reads). */
export function QualityRsePage() {
  usePageTitle(t('qualityApproaches.title'));
  const { data: me } = useMe();
  const write = me ? canWriteQualityApproaches(me.role) : false;
  return (
    <Stack>
      <Title order={1}>{t('qualityApproaches.title')}</Title>
      <Text c="dimmed">{t('qualityApproaches.intro')}</Text>
      <CertificationsSection write={write} />
      <CohortsSection write={write} />
      <AssessmentsSection />
      <GridsSection write={write} />
    </Stack>
  );
}
