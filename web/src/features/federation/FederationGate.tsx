import { Alert } from '@mantine/core';
import { Outlet } from 'react-router';
import { isFederation, useSession } from '../../app/session';
import { t } from '../../i18n';

/** The federation's pages, for the national team only; the server enforces the same rule. */
export function FederationGate() {
  const { data: session } = useSession();
  if (!session) return null;
  if (!isFederation(session)) {
    return (
      <Alert color="orange" title={t('app.forbidden.title')}>
        {t('app.forbidden.text')}
      </Alert>
    );
  }
  return <Outlet />;
}
