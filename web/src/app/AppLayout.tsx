import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { t } from '../i18n';
import { QueryState } from '../ui/QueryState';
import { ApiError } from './api';
import { MainNavigation } from './MainNavigation';
import { signInPath } from './returnTo';
import { isFederation, useSession } from './session';
import { UserMenu } from './UserMenu';

// The pages a federation session may open; every other path leads to its list of delegations.
const FEDERATION_PATHS = /^\/(federation|compte)(\/|$)/;

/** The signed-in frame: header, navigation for the user's role, and the page. */
export function AppLayout() {
  const me = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // After a client-side navigation, move focus to the new page so screen readers start there.
  useEffect(() => {
    close();
    if (location.pathname !== firstPath.current) mainRef.current?.focus();
    firstPath.current = location.pathname;
  }, [location.pathname, close]);

  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  if (!me.data) {
    return <QueryState isPending={me.isPending} error={me.error} onRetry={() => void me.refetch()} />;
  }
  const user = me.data;
  if (isFederation(user) && !FEDERATION_PATHS.test(location.pathname)) {
    return <Navigate to="/federation" replace />;
  }

  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: { sm: 200, lg: 240 }, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.openNavigation')}
              />
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
              <Text c="dimmed" size="sm" visibleFrom="sm">
                {user.delegation?.name ?? t('federation.name')}
              </Text>
            </Group>
            <UserMenu me={user} />
          </Group>
        </AppShell.Header>
        {/* The menu grows with the features: it scrolls on its own when taller than the window. */}
        <AppShell.Navbar
          p="sm"
          component="nav"
          aria-label={t('app.mainNavigation')}
          style={{ overflowY: 'auto' }}
        >
          <MainNavigation me={user} />
        </AppShell.Navbar>
        <AppShell.Main id="contenu" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
