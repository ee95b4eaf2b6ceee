import { Alert } from '@mantine/core';
import { Outlet } from 'react-router';
import { t } from '../i18n';
import { type Role, useMe } from './session';

/** Renders the child routes only for the roles allowed; the server enforces the same rule. */
export function RoleGate({ allow }: { allow: (role: Role) => boolean }) {
  const { data: me } = useMe();
  if (!me) return null;
  if (!allow(me.role)) {
    return (
      <Alert color="orange" title={t('app.forbidden.title')}>
        {t('app.forbidden.text')}
      </Alert>
    );
  }
  return <Outlet />;
}
