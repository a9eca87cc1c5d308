// The app's screens and their URLs; the server answers every one of these paths
// with index.html so links and reloads work.
import { Navigate, type RouteObject } from 'react-router';
import { NewTicketPage } from '../features/tickets/NewTicketPage.js';
import { TicketDetailPage } from '../features/tickets/TicketDetailPage.js';
import { TicketsPage } from '../features/tickets/TicketsPage.js';
import { Layout, NotFoundPage } from './Layout.js';
import { RouteError } from './RouteError.js';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/tickets" replace /> },
      { path: 'tickets', element: <TicketsPage /> },
      { path: 'tickets/new', element: <NewTicketPage /> },
      { path: 'tickets/:id', element: <TicketDetailPage /> },
      // The charts library is loaded only when the dashboard is first opened.
      { path: 'dashboard', lazy: async () => ({ Component: (await import('../features/stats/DashboardPage.js')).DashboardPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
