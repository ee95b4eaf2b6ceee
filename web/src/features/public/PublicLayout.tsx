import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { t } from '../../i18n';
import { usePublicOrganisation } from './api';
import classes from './PublicLayout.module.css';

/**
 * The light frame of the public site: the delegation's name, the public pages and a way
 * to sign in. It never asks who is signed in, so nobody is sent to the sign-in page.
 */
export function PublicLayout() {
  const organisation = usePublicOrganisation();
  const location = useLocation();
  const mainRef = useRef<HTMLDivElement>(null);
  const firstPath = useRef(location.pathname);

  // After a client-side navigation, move focus to the new page so screen readers start there.
  useEffect(() => {
    if (location.pathname !== firstPath.current) mainRef.current?.focus();
    firstPath.current = location.pathname;
  }, [location.pathname]);

  const name = organisation.data?.delegation.name ?? t('app.name');
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text fw={700} size="lg">
              {name}
            </Text>
            <Group component="nav" aria-label={t('public.nav.label')} gap="md" wrap="wrap">
              <Anchor component={NavLink} to="/annuaire" className={classes.link}>
                {t('public.nav.directory')}
              </Anchor>
              <Anchor component={NavLink} to="/agenda" className={classes.link}>
                {t('public.nav.agenda')}
              </Anchor>
              <Anchor component={NavLink} to="/organisation" className={classes.link}>
                {t('public.nav.organisation')}
              </Anchor>
              <Anchor component={NavLink} to="/connexion" className={classes.link}>
                {t('public.nav.signIn')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="lg" component="main" id="contenu" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="sm">
          <Text size="sm" c="dimmed">
            {t('public.footer', { name })}
          </Text>
        </Container>
      </Box>
    </>
  );
}
