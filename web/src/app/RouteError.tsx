import { Alert, Anchor, Container, Stack, Title } from '@mantine/core';
import { Link, useRouteError } from 'react-router';
import { t } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';

/** Shown when a page fails to render or its code cannot be loaded. */
export function RouteError() {
  const error = useRouteError();
  usePageTitle(t('app.crash.title'));
  if (error instanceof Error) console.warn(error);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('app.crash.title')}>
        <Stack gap="xs" align="flex-start">
          <span>{t('app.crash.text')}</span>
          <Anchor href="/">{t('app.notFound.home')}</Anchor>
        </Stack>
      </Alert>
    </Container>
  );
}

export function NotFoundPage() {
  usePageTitle(t('app.notFound.title'));
  return (
    <Stack>
      <Title order={1}>{t('app.notFound.title')}</Title>
      <p>{t('app.notFound.text')}</p>
      <Anchor component={Link} to="/">
        {t('app.notFound.home')}
      </Anchor>
    </Stack>
  );
}
