import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';
import { PageLoader } from '../../ui/QueryState';

export const SETUP_PATH = '/installation';

/**
 * While the installation holds no delegation, every page leads to the set-up page. Asked
 * once per visit (a tiny query); pages wait for the answer rather than ask for data of a
 * delegation that does not exist. If the question fails, the page goes on as usual.
 */
export const setupQuery = {
  queryKey: ['setup'],
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    api<Schema<'SetupStatus'>>('/api/setup', { signal, redirectOn401: false }),
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
};

export function SetupGuard() {
  const { pathname } = useLocation();
  const setup = useQuery(setupQuery);
  if (setup.isPending) return <PageLoader />;
  if (setup.data?.needed && pathname !== SETUP_PATH) return <Navigate to={SETUP_PATH} replace />;
  return <Outlet />;
}
