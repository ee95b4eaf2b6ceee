import { Stack, Title } from '@mantine/core';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { InvitationsSection } from './InvitationsSection';
import { InviteSection } from './InviteSection';
import { UsersSection } from './UsersSection';

export function UsersPage() {
  usePageTitle(t('admin.title'));
  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      <InviteSection />
      <InvitationsSection />
      <UsersSection />
    </Stack>
  );
}
