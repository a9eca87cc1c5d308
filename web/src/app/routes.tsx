// The app's screens and their URLs; the server answers every one of these paths
// with index.html so links and reloads work. Every screen but signing in, the first
// administrator's setup and accepting an invitation needs a signed-in user; the
// administration screens need an administrator.
import { Navigate, type RouteObject } from 'react-router';
import { AccountPage } from '../features/auth/AccountPage.js';
import { InvitationPage } from '../features/auth/InvitationPage.js';
import { RequireSignIn } from '../features/auth/RequireSignIn.js';
import { SessionPage } from '../features/auth/SessionPage.js';
import { SetupPage } from '../features/auth/SetupPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { AdminTokensPage } from '../features/admin/AdminTokensPage.js';
import { AdminUsersPage } from '../features/admin/AdminUsersPage.js';
import { RequireAdmin } from '../features/admin/RequireAdmin.js';
import { AdminWebhookEndpointPage } from '../features/webhooks/AdminWebhookEndpointPage.js';
import { AdminWebhooksPage } from '../features/webhooks/AdminWebhooksPage.js';
import { NewTicketPage } from '../features/tickets/NewTicketPage.js';
import { TicketDetailPage } from '../features/tickets/TicketDetailPage.js';
import { TicketsPage } from '../features/tickets/TicketsPage.js';
import { SavedViewsPage } from '../features/views/SavedViewsPage.js';
import { Layout, NotFoundPage } from './Layout.js';
import { RouteError } from './RouteError.js';
import { Loading } from '../common/ErrorMessage.js';

export const routes: RouteObject[] = [
  {
    element: <SessionPage />,
    // The last resort, should the frame itself fail; a screen's failure shows inside it.
    errorElement: <RouteError />,
    // While the first screen's code loads (the dashboard is loaded lazily).
    hydrateFallbackElement: <Loading label="Loading…" />,
    children: [
      {
        element: <Layout />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { path: 'signin', element: <SignInPage /> },
              { path: 'setup', element: <SetupPage /> },
              { path: 'invitation', element: <InvitationPage /> },
              {
                element: <RequireSignIn />,
                children: [
                  { index: true, element: <Navigate to="/tickets" replace /> },
                  { path: 'tickets', element: <TicketsPage /> },
                  { path: 'tickets/new', element: <NewTicketPage /> },
                  { path: 'tickets/:id', element: <TicketDetailPage /> },
                  // The charts library is loaded only when the dashboard is first opened.
                  {
                    path: 'dashboard',
                    lazy: async () => ({ Component: (await import('../features/stats/DashboardPage.js')).DashboardPage }),
                  },
                  { path: 'account', element: <AccountPage /> },
                  { path: 'views', element: <SavedViewsPage /> },
                  {
                    path: 'admin',
                    element: <RequireAdmin />,
                    children: [
                      { index: true, element: <Navigate to="/admin/users" replace /> },
                      { path: 'users', element: <AdminUsersPage /> },
                      { path: 'tokens', element: <AdminTokensPage /> },
                      { path: 'webhooks', element: <AdminWebhooksPage /> },
                      { path: 'webhooks/:id', element: <AdminWebhookEndpointPage /> },
                    ],
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
