import { Alert, Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import { useOrganisations } from '../features/members/api';
import { t, tn } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';
import { can, type Me, useMe } from './session';

/** Staff, admins and board members get a dashboard; a member user goes to their organisation. */
export function HomePage() {
  const { data: me } = useMe();
  usePageTitle(t('nav.home'));
  if (!me) return null;
  if (me.role === 'member') {
    if (me.organisationId) return <Navigate to={`/adherents/${me.organisationId}`} replace />;
    return <Alert color="orange">{t('home.noOrganisation')}</Alert>;
  }
  return <Dashboard me={me} />;
}

function Dashboard({ me }: { me: Me }) {
  const members = useOrganisations({ membership: 'current', page: 1, pageSize: 1 });
  return (
    <Stack>
      <div>
        <Title order={1}>{t('home.title', { name: me.user.name })}</Title>
        <Text c="dimmed">{t('home.intro', { delegation: me.delegation.name })}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <DashboardCard title={t('home.members.title')}>
          <Text my="sm" size="xl" fw={700}>
            {members.data ? tn('home.members.count', members.data.total) : '…'}
          </Text>
          <Stack gap="xs" align="flex-start">
            <Anchor component={Link} to="/adherents">
              {t('home.members.link')}
            </Anchor>
            {can.createOrganisation(me.role) && (
              <Button component={Link} to="/adherents/nouveau" size="xs" variant="light">
                {t('home.members.create')}
              </Button>
            )}
          </Stack>
        </DashboardCard>
        <DashboardCard title={t('home.governance.title')}>
          <Text my="sm">{t('home.governance.text')}</Text>
          <Anchor component={Link} to="/gouvernance">
            {t('home.governance.link')}
          </Anchor>
        </DashboardCard>
        {can.manageUsers(me.role) && (
          <DashboardCard title={t('home.users.title')}>
            <Text my="sm">{t('home.users.text')}</Text>
            <Anchor component={Link} to="/admin/utilisateurs">
              {t('home.users.link')}
            </Anchor>
          </DashboardCard>
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** A dashboard tile, named by its heading for screen-reader navigation. */
function DashboardCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Card>
  );
}
