import { createBrowserRouter } from 'react-router';
import { canReadActions, canWriteActions } from '../features/actions/access';
import { canManageEvents } from '../features/events/access';
import { canReadFigures } from '../features/figures/access';
import { canReadCampaigns } from '../features/observatory/campaign/access';
import { canReadDashboard } from '../features/observatory/dashboard/access';
import { prefetchDirectory } from '../features/public/prefetch';
import { canReadPurchasing } from '../features/purchasing/access';
import { canReviewQuality } from '../features/quality/access';
import { canReadQualityApproaches, canSelfAssess } from '../features/quality-approaches/access';
import { canReadReports } from '../features/reports/access';
import { SETUP_PATH, SetupGuard } from '../features/setup/SetupGuard';
import { canManageSupport, canReadSupport } from '../features/support/access';
import { canReadTerritories } from '../features/territories/access';
import { canReadTrainings } from '../features/trainings/access';
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
    // An installation with no delegation yet: every page leads to the first run.
    element: <SetupGuard />,
    children: [
      {
        path: SETUP_PATH,
        lazy: () => import('../features/setup/SetupPage').then((m) => ({ Component: m.SetupPage })),
      },
      {
        path: '/connexion',
        lazy: () => import('../features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })),
      },
      {
        path: '/mot-de-passe-oublie',
        lazy: () =>
          import('../features/auth/ForgotPasswordPage').then((m) => ({ Component: m.ForgotPasswordPage })),
      },
      {
        path: '/mot-de-passe/:token',
        lazy: () =>
          import('../features/auth/ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })),
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
            // Not awaited: the loader starts the data's requests and lets the page render.
            loader: ({ request }) => prefetchDirectory(new URL(request.url)),
            lazy: () =>
              import('../features/public/DirectoryPage').then((m) => ({ Component: m.DirectoryPage })),
          },
          {
            path: '/organisation',
            lazy: () =>
              import('../features/public/OrganisationPage').then((m) => ({ Component: m.OrganisationPage })),
          },
          {
            path: '/agenda',
            lazy: () => import('../features/actions/AgendaPage').then((m) => ({ Component: m.AgendaPage })),
          },
        ],
      },
      {
        path: '/',
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'compte',
            lazy: () => import('../features/account/AccountPage').then((m) => ({ Component: m.AccountPage })),
          },
          {
            // The national team's pages (decision 020); AppLayout keeps a federation session to them.
            path: 'federation',
            lazy: () =>
              import('../features/federation/FederationGate').then((m) => ({ Component: m.FederationGate })),
            children: [
              {
                index: true,
                lazy: () =>
                  import('../features/federation/FederationDelegationsPage').then((m) => ({
                    Component: m.FederationDelegationsPage,
                  })),
              },
              {
                path: 'nouvelle-delegation',
                lazy: () =>
                  import('../features/federation/NewDelegationPage').then((m) => ({
                    Component: m.NewDelegationPage,
                  })),
              },
              {
                path: 'annuaire',
                lazy: () =>
                  import('../features/federation/NationalDirectoryPage').then((m) => ({
                    Component: m.NationalDirectoryPage,
                  })),
              },
              {
                path: 'observatoire',
                lazy: () =>
                  import('../features/federation/NationalObservatoryPage').then((m) => ({
                    Component: m.NationalObservatoryPage,
                  })),
              },
              {
                path: 'rapport',
                lazy: () =>
                  import('../features/federation/NationalReportPage').then((m) => ({
                    Component: m.NationalReportPage,
                  })),
              },
            ],
          },
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
            path: 'financeurs',
            lazy: () => import('../features/funders/FundersPage').then((m) => ({ Component: m.FundersPage })),
          },
          {
            // Members read open opportunities and their own follow-ups; the server narrows it down.
            path: 'achats/opportunites',
            lazy: () =>
              import('../features/purchasing/MemberOpportunitiesPage').then((m) => ({
                Component: m.MemberOpportunitiesPage,
              })),
          },
          {
            element: <RoleGate allow={canReadPurchasing} />,
            children: [
              {
                path: 'achats',
                lazy: () =>
                  import('../features/purchasing/PurchasingPage').then((m) => ({
                    Component: m.PurchasingPage,
                  })),
              },
              {
                path: 'achats/opportunites/:id',
                lazy: () =>
                  import('../features/purchasing/OpportunityPage').then((m) => ({
                    Component: m.OpportunityPage,
                  })),
              },
            ],
          },
          {
            path: 'financeurs/recherche',
            lazy: () =>
              import('../features/funders/FunderMatchPage').then((m) => ({ Component: m.FunderMatchPage })),
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
            element: <RoleGate allow={canReadQualityApproaches} />,
            children: [
              {
                path: 'qualite-rse',
                lazy: () =>
                  import('../features/quality-approaches/QualityRsePage').then((m) => ({
                    Component: m.QualityRsePage,
                  })),
              },
            ],
          },
          {
            element: <RoleGate allow={canSelfAssess} />,
            children: [
              {
                path: 'auto-evaluation',
                lazy: () =>
                  import('../features/quality-approaches/SelfAssessmentPage').then((m) => ({
                    Component: m.SelfAssessmentPage,
                  })),
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
            element: <RoleGate allow={canReadSupport} />,
            children: [
              {
                path: 'accompagnements',
                lazy: () =>
                  import('../features/support/SupportPage').then((m) => ({ Component: m.SupportPage })),
              },
            ],
          },
          {
            // Members reach their own organisation's files and finished interview; the server refuses others.
            path: 'accompagnements/:id',
            lazy: () => import('../features/support/FilePage').then((m) => ({ Component: m.FilePage })),
          },
          {
            path: 'entretiens/:year/:organisationId',
            lazy: () =>
              import('../features/support/InterviewPage').then((m) => ({ Component: m.InterviewPage })),
          },
          {
            element: <RoleGate allow={canManageSupport} />,
            children: [
              {
                path: 'entretiens',
                lazy: () =>
                  import('../features/support/InterviewsPage').then((m) => ({ Component: m.InterviewsPage })),
              },
            ],
          },
          {
            // Member users read the groups their organisation's people belong to; the server filters.
            path: 'gep',
            lazy: () =>
              import('../features/practice-groups/PracticeGroupsPage').then((m) => ({
                Component: m.PracticeGroupsPage,
              })),
          },
          {
            path: 'gep/:id',
            lazy: () =>
              import('../features/practice-groups/PracticeGroupPage').then((m) => ({
                Component: m.PracticeGroupPage,
              })),
          },
          {
            element: <RoleGate allow={canReadTrainings} />,
            children: [
              {
                path: 'formations',
                lazy: () =>
                  import('../features/trainings/TrainingsPage').then((m) => ({ Component: m.TrainingsPage })),
              },
              {
                path: 'formations/:id',
                lazy: () =>
                  import('../features/trainings/TrainingPage').then((m) => ({ Component: m.TrainingPage })),
              },
            ],
          },
          {
            element: <RoleGate allow={canReadReports} />,
            children: [
              {
                path: 'rapport',
                lazy: () =>
                  import('../features/reports/ReportPage').then((m) => ({ Component: m.ReportPage })),
              },
            ],
          },
          {
            element: <RoleGate allow={canReadFigures} />,
            children: [
              {
                path: 'chiffres-declares',
                lazy: () =>
                  import('../features/figures/DeclaredFiguresPage').then((m) => ({
                    Component: m.DeclaredFiguresPage,
                  })),
              },
            ],
          },
          {
            element: <RoleGate allow={canReadTerritories} />,
            children: [
              {
                path: 'territoires',
                lazy: () =>
                  import('../features/territories/TerritoriesPage').then((m) => ({
                    Component: m.TerritoriesPage,
                  })),
              },
              {
                path: 'territoires/:id',
                lazy: () =>
                  import('../features/territories/ProjectPage').then((m) => ({ Component: m.ProjectPage })),
              },
            ],
          },
          {
            element: <RoleGate allow={canReadActions} />,
            children: [
              {
                path: 'actions',
                lazy: () =>
                  import('../features/actions/ActionListPage').then((m) => ({ Component: m.ActionListPage })),
              },
              {
                path: 'actions/:id',
                lazy: () =>
                  import('../features/actions/ActionDetailPage').then((m) => ({
                    Component: m.ActionDetailPage,
                  })),
              },
              {
                path: 'chronique',
                lazy: () =>
                  import('../features/actions/ChroniclePage').then((m) => ({ Component: m.ChroniclePage })),
              },
              {
                path: 'partenaires',
                lazy: () =>
                  import('../features/actions/PartnersPage').then((m) => ({ Component: m.PartnersPage })),
              },
            ],
          },
          {
            element: <RoleGate allow={canWriteActions} />,
            children: [
              {
                path: 'actions/nouvelle',
                lazy: () =>
                  import('../features/actions/ActionFormPage').then((m) => ({ Component: m.NewActionPage })),
              },
              {
                path: 'actions/:id/modifier',
                lazy: () =>
                  import('../features/actions/ActionFormPage').then((m) => ({ Component: m.EditActionPage })),
              },
            ],
          },
          {
            path: 'evenements',
            lazy: () => import('../features/events/EventsPage').then((m) => ({ Component: m.EventsPage })),
          },
          {
            element: <RoleGate allow={canManageEvents} />,
            children: [
              {
                path: 'evenements/:actionId',
                lazy: () =>
                  import('../features/events/EventManagePage').then((m) => ({
                    Component: m.EventManagePage,
                  })),
              },
            ],
          },
          {
            element: <RoleGate allow={canReadDashboard} />,
            children: [
              {
                path: 'observatoire',
                lazy: () =>
                  import('../features/observatory/dashboard/DashboardPage').then((m) => ({
                    Component: m.DashboardPage,
                  })),
              },
            ],
          },
          {
            // A member user sees its own organisation's position; the server refuses any other.
            path: 'observatoire/position',
            lazy: () =>
              import('../features/observatory/dashboard/PositionPage').then((m) => ({
                Component: m.PositionPage,
              })),
          },
          {
            element: <RoleGate allow={canReadCampaigns} />,
            children: [
              {
                path: 'observatoire/campagnes',
                lazy: () =>
                  import('../features/observatory/campaign/CampaignsPage').then((m) => ({
                    Component: m.CampaignsPage,
                  })),
              },
              {
                path: 'observatoire/campagnes/:campaignId',
                lazy: () =>
                  import('../features/observatory/campaign/CampaignPage').then((m) => ({
                    Component: m.CampaignPage,
                  })),
              },
            ],
          },
          {
            // Member users reach their own organisation's forms; the server refuses any other.
            path: 'observatoire/formulaires',
            lazy: () =>
              import('../features/observatory/campaign/MyFormsPage').then((m) => ({
                Component: m.MyFormsPage,
              })),
          },
          {
            path: 'observatoire/formulaire/:submissionId',
            lazy: () =>
              import('../features/observatory/campaign/FormPage').then((m) => ({ Component: m.FormPage })),
          },
          {
            path: 'observatoire/campagnes/:campaignId/formulaire/:conventionType',
            lazy: () =>
              import('../features/observatory/campaign/FormPage').then((m) => ({ Component: m.FormPage })),
          },
          {
            element: <RoleGate allow={can.manageUsers} />,
            children: [
              {
                path: 'admin/utilisateurs',
                lazy: () => import('../features/admin/UsersPage').then((m) => ({ Component: m.UsersPage })),
              },
              {
                path: 'admin/delegation',
                lazy: () =>
                  import('../features/setup/SettingsPage').then((m) => ({ Component: m.SettingsPage })),
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
  if (
    pathname === '/connexion' ||
    pathname === '/mot-de-passe-oublie' ||
    pathname.startsWith('/mot-de-passe/') ||
    pathname.startsWith('/invitation/')
  )
    return;
  void router.navigate(signInPath(`${pathname}${search}`), { replace: true });
});
