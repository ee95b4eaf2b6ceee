import { Stack, Title } from '@mantine/core';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { AssembliesSection } from './AssembliesSection';
import { governanceAccess } from './api';
import { BoardSection } from './BoardSection';
import { GroupsSection } from './GroupsSection';
import { HistorySection } from './HistorySection';
import { StaffAdminSection } from './StaffAdminSection';
import { StaffSection } from './StaffSection';

/** The board and staff for everyone signed in; assemblies, history and groups for the team and the board. */
export function GovernancePage() {
  usePageTitle(t('governance.title'));
  const { data: me } = useMe();
  const read = me ? governanceAccess.read(me.role) : false;
  const write = me ? governanceAccess.write(me.role) : false;
  return (
    <Stack>
      <Title order={1}>{t('governance.title')}</Title>
      <BoardSection />
      {read && <AssembliesSection write={write} />}
      {read && <HistorySection />}
      {read && <GroupsSection write={write} />}
      {me && governanceAccess.manageStaff(me.role) ? <StaffAdminSection /> : <StaffSection />}
    </Stack>
  );
}
