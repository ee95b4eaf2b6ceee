import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';

interface Query {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

type Props = { children?: ReactNode } & (
  | { isPending: boolean; error: unknown; onRetry?: () => void }
  /** A TanStack query: its states, and a retry that fetches it again. */
  | { query: Query }
);

/** Loading and error states of a query, so each page only renders the happy path. */
export function QueryState(props: Props) {
  const { children } = props;
  const { isPending, error } = 'query' in props ? props.query : props;
  const onRetry = 'query' in props ? () => void props.query.refetch() : props.onRetry;
  if (error) {
    return (
      <Alert color="red" title={t('app.crash.title')}>
        <Stack gap="xs" align="flex-start">
          <span>{error instanceof Error ? error.message : t('app.crash.text')}</span>
          {onRetry && (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('app.retry')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  if (isPending) return <PageLoader />;
  return <>{children}</>;
}

export function PageLoader() {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
