import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '../lib/access.ts';
import type { PageHandle } from './AppShell.tsx';
import { PageLoading } from './PageLoading.tsx';
import { RequireRole } from './RequireRole.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';
import { NotFoundPage } from './StatusPages.tsx';

type Load = () => Promise<ComponentType>;

/**
 * Every page is loaded when it is first visited (route `lazy`): each is its own chunk, so a resident opening a
 * public page (/p/…) or the login page loads that page and the shell, not the staff app (issue 11: the first
 * visit of any page transferred all of it).
 */
const page = (load: Load): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: await load() }),
});

/** A page outside the staff shell (login, public pages): its own error page and a loading state. */
const outside = (path: string, load: Load): RouteObject => ({
  path,
  ...page(load),
  errorElement: <RouteErrorPage />,
  hydrateFallbackElement: <PageLoading />,
});

/** A work page: it uses the whole width of the screen (see AppShell). */
const WORK: PageHandle = { wide: true };

/** A page only some roles may use: others get the 403 page. */
const restricted = (path: string, permission: Permission, load: Load, handle?: PageHandle): RouteObject => ({
  path,
  ...(handle ? { handle } : {}),
  lazy: async () => {
    const Page = await load();
    return {
      element: (
        <RequireRole permission={permission}>
          <Page />
        </RequireRole>
      ),
    };
  },
});

/**
 * All routes. Everything except /login and the public pages (/p/…) needs a session (RequireAuth);
 * pages for some roles only are wrapped in RequireRole, which shows the 403 page to others.
 */
export const router = createBrowserRouter([
  outside('/login', async () => (await import('../features/auth/LoginPage.tsx')).LoginPage),
  outside(
    '/p/:slug/diensten',
    async () => (await import('../features/public-catalogue/PublicCataloguePage.tsx')).PublicCataloguePage,
  ),
  outside(
    '/p/:slug/inloggen',
    async () => (await import('../features/auth/OrganisationLoginPage.tsx')).OrganisationLoginPage,
  ),
  {
    ...page(async () => (await import('./RequireAuth.tsx')).RequireAuth),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        // A crash inside a page keeps the shell (navigation, user menu) around the error.
        errorElement: <RouteErrorPage inShell />,
        children: [
          { index: true, ...page(async () => (await import('../features/home/HomePage.tsx')).HomePage) },
          {
            path: 'search',
            ...page(async () => (await import('../features/search/SearchPage.tsx')).SearchPage),
            handle: WORK,
          },
          restricted(
            'workspace',
            'useWorkspace',
            async () => (await import('../features/workspace/WorkspacePage.tsx')).WorkspacePage,
            WORK,
          ),
          restricted(
            'queue',
            'readCases',
            async () => (await import('../features/cases/QueuePage.tsx')).QueuePage,
            WORK,
          ),
          restricted(
            'cases/:id',
            'readCases',
            async () => (await import('../features/cases/CasePage.tsx')).CasePage,
            WORK,
          ),
          restricted(
            'callbacks',
            'workCallbacks',
            async () => (await import('../features/callbacks/CallbacksPage.tsx')).CallbacksPage,
            WORK,
          ),
          restricted(
            'letters',
            'workLetters',
            async () => (await import('../features/letters/LettersPage.tsx')).LettersPage,
            WORK,
          ),
          restricted(
            'contacts/stats',
            'readContactStats',
            async () => (await import('../features/contact-stats/ContactStatsPage.tsx')).ContactStatsPage,
          ),
          restricted(
            'admin/catalogue',
            'readCatalogueAdmin',
            async () => (await import('../features/admin-catalogue/CatalogueListPage.tsx')).CatalogueListPage,
          ),
          restricted(
            'admin/catalogue/:code',
            'readCatalogueAdmin',
            async () => (await import('../features/admin-catalogue/CatalogueItemPage.tsx')).CatalogueItemPage,
          ),
          restricted(
            'admin/knowledge',
            'readCatalogueAdmin',
            async () => (await import('../features/admin-knowledge/KnowledgeListPage.tsx')).KnowledgeListPage,
          ),
          restricted(
            'admin/knowledge/:code',
            'readCatalogueAdmin',
            async () => (await import('../features/admin-knowledge/ArticlePage.tsx')).ArticlePage,
          ),
          restricted(
            'admin/calendar',
            'readCatalogueAdmin',
            async () => (await import('../features/admin-calendar/CalendarPage.tsx')).CalendarPage,
          ),
          restricted(
            'admin/transfer',
            'transferContent',
            async () => (await import('../features/admin-transfer/TransferPage.tsx')).TransferPage,
          ),
          restricted(
            'admin/users',
            'listUsers',
            async () => (await import('../features/admin-users/UsersPage.tsx')).UsersPage,
          ),
          restricted(
            'admin/teams',
            'listTeams',
            async () => (await import('../features/admin-teams/TeamsPage.tsx')).TeamsPage,
          ),
          restricted(
            'admin/tokens',
            'manageTokens',
            async () => (await import('../features/admin-tokens/TokensPage.tsx')).TokensPage,
          ),
          restricted(
            'admin/settings',
            'adminSettings',
            async () => (await import('../features/admin-settings/SettingsPage.tsx')).SettingsPage,
          ),
          restricted(
            'admin/settings/case',
            'manageCaseSettings',
            async () => (await import('../features/admin-settings/CaseSettingsPage.tsx')).CaseSettingsPage,
          ),
          restricted(
            'admin/settings/templates',
            'editTemplates',
            async () => (await import('../features/admin-settings/TemplatesPage.tsx')).TemplatesPage,
          ),
          restricted(
            'admin/settings/front-office',
            'manageFrontOfficeSettings',
            async () =>
              (await import('../features/admin-settings/FrontOfficeSettingsPage.tsx'))
                .FrontOfficeSettingsPage,
          ),
          restricted(
            'admin/settings/webhooks',
            'manageWebhooks',
            async () => (await import('../features/admin-settings/WebhooksPage.tsx')).WebhooksPage,
          ),
          restricted(
            'audit',
            'readAudit',
            async () => (await import('../features/audit/AuditPage.tsx')).AuditPage,
          ),
          {
            path: 'account',
            ...page(async () => (await import('../features/account/AccountPage.tsx')).AccountPage),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
