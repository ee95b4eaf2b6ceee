import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { api } from '../../app/api';

export const SETUP_PATH = '/installation';

/**
 * While the installation holds no delegation, every page leads to the set-up page.
 * The page under it renders meanwhile: the answer only moves the user once it is known.
 */
export function SetupGuard() {
  const { pathname } = useLocation();
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: ({ signal }) => api<{ needed: boolean }>('/api/setup', { signal, redirectOn401: false }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (setup.data?.needed && pathname !== SETUP_PATH) return <Navigate to={SETUP_PATH} replace />;
  return <Outlet />;
}
