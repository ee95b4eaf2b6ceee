import { createBrowserRouter } from 'react-router';
import { canReviewQuality } from '../features/quality/access';
import { PageLoader } from '../ui/QueryState';
import { AppLayout } from './AppLayout';
import { setUnauthorizedHandler } from './api';
import { HomePage } from './HomePage';
import { RoleGate } from './RoleGate';
import { NotFoundPage, RouteError } from './RouteError';
import { signInPath } from './returnTo';
import { can } from './session';

// Pages are split by feature so the first screen (sign-in) loads only what it needs.
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        path: '/connexion',
        lazy: () => import('../features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: '/invitation/:token',
        lazy: () => import('../features/auth/InvitationPage').then((m) => ({ Component: m.InvitationPage })),
      },
      {
        // The public site: no sign-in, its own light layout, outside AppLayout (which asks /api/me).
        lazy: () => import('../features/public/PublicLayout').then((m) => ({ Component: m.PublicLayout })),
        children: [
          {
            path: '/annuaire',
            lazy: () =>
              import('../features/public/DirectoryPage').then((m) => ({ Component: m.DirectoryPage })),
          },
          {
            path: '/organisation',
            lazy: () =>
              import('../features/public/OrganisationPage').then((m) => ({ Component: m.OrganisationPage })),
          },
        ],
      },
      {
        path: '/',
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          {
            element: <RoleGate allow={can.browseMembers} />,
            children: [
              {
                path: 'adherents',
                lazy: () =>
                  import('../features/members/list/MemberListPage').then((m) => ({
                    Component: m.MemberListPage,
                  })),
              },
            ],
          },
          {
            element: <RoleGate allow={can.createOrganisation} />,
            children: [
              {
                path: 'adherents/import',
                lazy: () =>
                  import('../features/import/ImportPage').then((m) => ({ Component: m.ImportPage })),
              },
              {
                path: 'adherents/nouveau',
                lazy: () =>
                  import('../features/members/create/CreateOrganisationPage').then((m) => ({
                    Component: m.CreateOrganisationPage,
                  })),
              },
            ],
          },
          {
            // Members reach their own organisation here; the server refuses any other.
            path: 'adherents/:id',
            lazy: () =>
              import('../features/members/record/OrganisationPage').then((m) => ({
                Component: m.OrganisationPage,
              })),
          },
          {
            path: 'gouvernance',
            lazy: () =>
              import('../features/governance/GovernancePage').then((m) => ({ Component: m.GovernancePage })),
          },
          {
            element: <RoleGate allow={canReviewQuality} />,
            children: [
              {
                path: 'qualite',
                lazy: () =>
                  import('../features/quality/QualityPage').then((m) => ({ Component: m.QualityPage })),
              },
            ],
          },
          {
            element: <RoleGate allow={can.readDues} />,
            children: [
              {
                path: 'cotisations',
                lazy: () => import('../features/dues/DuesPage').then((m) => ({ Component: m.DuesPage })),
              },
            ],
          },
          {
            element: <RoleGate allow={can.manageUsers} />,
            children: [
              {
                path: 'admin/utilisateurs',
                lazy: () => import('../features/admin/UsersPage').then((m) => ({ Component: m.UsersPage })),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

// Any 401 (expired session, signed out in another tab): sign in, then come back here.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/connexion' || pathname.startsWith('/invitation/')) return;
  void router.navigate(signInPath(`${pathname}${search}`), { replace: true });
});
