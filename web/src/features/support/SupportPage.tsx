import { Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManageSupport } from './access';
import { DashboardSection } from './DashboardSection';
import { FilesSection } from './FilesSection';

/** `/accompagnements`: the signed-in team member's dashboard, then every file of the delegation. */
export function SupportPage() {
  usePageTitle(t('support.title'));
  const { data: me } = useMe();
  if (!me) return null;
  const team = canManageSupport(me.role);
  return (
    <Stack>
      <Title order={1}>{t('support.title')}</Title>
      {!team && <Text c="dimmed">{t('support.readOnly')}</Text>}
      {team && <DashboardSection me={me} />}
      <FilesSection canEdit={team} />
    </Stack>
  );
}
