import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { CalendarPage } from '../features/admin-calendar/CalendarPage.tsx';
import { CatalogueItemPage } from '../features/admin-catalogue/CatalogueItemPage.tsx';
import { CatalogueListPage } from '../features/admin-catalogue/CatalogueListPage.tsx';
import { ArticlePage } from '../features/admin-knowledge/ArticlePage.tsx';
import { KnowledgeListPage } from '../features/admin-knowledge/KnowledgeListPage.tsx';
import { TeamsPage } from '../features/admin-teams/TeamsPage.tsx';
import { TokensPage } from '../features/admin-tokens/TokensPage.tsx';
import { TransferPage } from '../features/admin-transfer/TransferPage.tsx';
import { UsersPage } from '../features/admin-users/UsersPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { CallbacksPage } from '../features/callbacks/CallbacksPage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { QueuePage } from '../features/cases/QueuePage.tsx';
import { ContactStatsPage } from '../features/contact-stats/ContactStatsPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { PublicCataloguePage } from '../features/public-catalogue/PublicCataloguePage.tsx';
import { SearchPage } from '../features/search/SearchPage.tsx';
import { WorkspacePage } from '../features/workspace/WorkspacePage.tsx';
import type { PageHandle } from './AppShell.tsx';
import type { Permission } from './access.ts';
import { RequireAuth } from './RequireAuth.tsx';
import { RequireRole } from './RequireRole.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';
import { NotFoundPage } from './StatusPages.tsx';

/** A page only some roles may use: others get the 403 page. */
const restricted = (
  path: string,
  permission: Permission,
  page: ReactNode,
  handle?: PageHandle,
): RouteObject => ({
  path,
  element: <RequireRole permission={permission}>{page}</RequireRole>,
  ...(handle ? { handle } : {}),
});

/** A work page: it uses the whole width of the screen (see AppShell). */
const WORK: PageHandle = { wide: true };

/**
 * All routes. Everything except /login and the public pages (/p/…) needs a session (RequireAuth);
 * pages for some roles only are wrapped in RequireRole, which shows the 403 page to others.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  { path: '/p/:slug/diensten', element: <PublicCataloguePage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A crash inside a page keeps the shell (navigation, user menu) around the error.
        errorElement: <RouteErrorPage inShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'search', element: <SearchPage />, handle: WORK },
          restricted('workspace', 'useWorkspace', <WorkspacePage />, WORK),
          restricted('queue', 'readCases', <QueuePage />, WORK),
          restricted('cases/:id', 'readCases', <CasePage />, WORK),
          restricted('callbacks', 'workCallbacks', <CallbacksPage />, WORK),
          restricted('contacts/stats', 'readContactStats', <ContactStatsPage />),
          restricted('admin/catalogue', 'readCatalogueAdmin', <CatalogueListPage />),
          restricted('admin/catalogue/:code', 'readCatalogueAdmin', <CatalogueItemPage />),
          restricted('admin/knowledge', 'readCatalogueAdmin', <KnowledgeListPage />),
          restricted('admin/knowledge/:code', 'readCatalogueAdmin', <ArticlePage />),
          restricted('admin/calendar', 'readCatalogueAdmin', <CalendarPage />),
          restricted('admin/transfer', 'transferContent', <TransferPage />),
          restricted('admin/users', 'listUsers', <UsersPage />),
          restricted('admin/teams', 'listTeams', <TeamsPage />),
          restricted('admin/tokens', 'manageTokens', <TokensPage />),
          restricted('audit', 'readAudit', <AuditPage />),
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
