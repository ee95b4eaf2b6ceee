import { Stack, Title } from '@mantine/core';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { BoardSection } from './BoardSection';
import { StaffSection } from './StaffSection';

export function GovernancePage() {
  usePageTitle(t('governance.title'));
  return (
    <Stack>
      <Title order={1}>{t('governance.title')}</Title>
      <BoardSection />
      <StaffSection />
    </Stack>
  );
}
