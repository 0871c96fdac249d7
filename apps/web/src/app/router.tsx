import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { loadAccountPage } from '../features/account/index.ts';
import { loadCalendarPage } from '../features/admin-calendar/index.ts';
import { loadCatalogueItemPage, loadCatalogueListPage } from '../features/admin-catalogue/index.ts';
import { loadArticlePage, loadKnowledgeListPage } from '../features/admin-knowledge/index.ts';
import { loadOpen311ClientsPage } from '../features/admin-open311/index.ts';
import {
  loadCaseSettingsPage,
  loadFrontOfficeSettingsPage,
  loadSettingsPage,
  loadTemplatesPage,
  loadWebhooksPage,
} from '../features/admin-settings/index.ts';
import { loadSurveysPage } from '../features/admin-surveys/index.ts';
import { loadTeamsPage } from '../features/admin-teams/index.ts';
import { loadTokensPage } from '../features/admin-tokens/index.ts';
import { loadTransferPage } from '../features/admin-transfer/index.ts';
import { loadUsersPage } from '../features/admin-users/index.ts';
import { loadAuditPage } from '../features/audit/index.ts';
import { loadCallbacksPage } from '../features/callbacks/index.ts';
import { loadCasePage, loadQueuePage } from '../features/cases/index.ts';
import { loadContactStatsPage } from '../features/contact-stats/index.ts';
// ---- strategy (issue 15) ----
import { EXCELLENCE_PERMISSIONS, loadExcellenceLandingPage } from '../features/excellence/index.ts';
// ---- assessments (issue 15) ----
import { loadAssessmentPage, loadAssessmentsPage } from '../features/excellence-assessments/index.ts';
// ideas (issue 15)
import { loadIdeaPage, loadIdeasPage } from '../features/excellence-ideas/index.ts';
// ---- excellence: improvements (issue 15) ----
import { loadImprovementPage, loadImprovementsPage } from '../features/excellence-improvements/index.ts';
import { loadExcellenceOverviewPage } from '../features/excellence-overview/index.ts';
// ---- people (issue 15) ----
import { loadPulsePage, loadTeamPage, loadTeamPagesPage } from '../features/excellence-people/index.ts';
// ---- signals (issue 15) ----
import { loadSignalsPage } from '../features/excellence-signals/index.ts';
import {
  loadIntegrityPage,
  loadStrategyPage,
  loadStrategyReviewPage,
} from '../features/excellence-strategy/index.ts';
import { loadHomePage } from '../features/home/index.ts';
import { loadLettersPage } from '../features/letters/index.ts';
import {
  loadMonitoringAreasPage,
  loadMonitoringDrillPage,
  loadMonitoringKpiPage,
  loadMonitoringKpisPage,
  loadMonitoringMinePage,
  loadMonitoringOverviewPage,
  loadMonitoringSettingsPage,
  loadMonitoringTeamsPage,
} from '../features/monitoring/index.ts';
// ---- monitoring causes (issue 14) ----
import {
  loadBreachesPage,
  loadDriversPage,
  loadEqualityPage,
} from '../features/monitoring-analysis/index.ts';
import { loadCostsPage, loadMysteryPage, loadWaitingPage } from '../features/monitoring-inputs/index.ts';
// ---- end strategy ----
// ---- end people ----
import { loadSearchPage } from '../features/search/index.ts';
import { loadWorkspacePage } from '../features/workspace/index.ts';
import { can, type Permission } from '../lib/access.ts';
import { useCurrentUser } from '../lib/CurrentUser.tsx';
import type { PageHandle } from './AppShell.tsx';
import { PageLoading } from './PageLoading.tsx';
import { RequireRole } from './RequireRole.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';
import { NotFoundPage } from './StatusPages.tsx';

type Load = () => Promise<ComponentType>;

/** `/excellence`: the overview for those who may read it, otherwise on to the section's first page they may open. */
const loadExcellenceHome: Load = async () => {
  const [Overview, Landing] = await Promise.all([loadExcellenceOverviewPage(), loadExcellenceLandingPage()]);
  return function ExcellenceHome() {
    return can(useCurrentUser(), 'readExcellence') ? <Overview /> : <Landing />;
  };
};

/**
 * Every page is loaded when it is first visited (route `lazy`, by the `load…Page` its feature's index.ts exports):
 * each is its own chunk (issue 11: the first visit of any page transferred all of it). The public pages (/p/…) and
 * signing in are the server's (ADR 0022): they load no script at all.
 */
const page = (load: Load): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: await load() }),
});

/** A work page: it uses the whole width of the screen (see AppShell). */
const WORK: PageHandle = { wide: true };

/** Who sees the monitoring section: everything, or one's own figures. */
const MONITORING: readonly Permission[] = ['readMetrics', 'readTeamMetrics', 'readOwnMetrics'];

/** A page only some roles may use: others get the 403 page. */
const restricted = (
  path: string,
  permission: Permission | readonly Permission[],
  load: Load,
  handle?: PageHandle,
): RouteObject => ({
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
 * All routes. Everything except the public pages (/p/…) needs a session (RequireAuth); signing in is the server's
 * page (/login, /p/:slug/inloggen: ADR 0022), as is every page of the resident portal;
 * pages for some roles only are wrapped in RequireRole, which shows the 403 page to others.
 */
export const router = createBrowserRouter([
  {
    // The staff app's words come with its first page, not with the public pages (i18n/sections/staff.ts).
    ...page(async () => {
      const [{ RequireAuth }] = await Promise.all([
        import('./RequireAuth.tsx'),
        import('../i18n/sections/staff.ts'),
      ]);
      return RequireAuth;
    }),
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        // A crash inside a page keeps the shell (navigation, user menu) around the error.
        errorElement: <RouteErrorPage inShell />,
        children: [
          { index: true, ...page(loadHomePage) },
          {
            path: 'search',
            ...page(loadSearchPage),
            handle: WORK,
          },
          restricted('workspace', 'useWorkspace', loadWorkspacePage, WORK),
          restricted('queue', 'readCases', loadQueuePage, WORK),
          restricted('cases/:id', 'readCases', loadCasePage, WORK),
          restricted('callbacks', 'workCallbacks', loadCallbacksPage, WORK),
          restricted('letters', 'workLetters', loadLettersPage, WORK),
          restricted('contacts/stats', 'readContactStats', loadContactStatsPage),
          // ---- monitoring causes (issue 14) ----
          restricted('monitoring/drivers', 'analyseMetrics', loadDriversPage),
          restricted('monitoring/breaches', 'analyseMetrics', loadBreachesPage),
          restricted('monitoring/equality', 'analyseMetrics', loadEqualityPage),
          // Monitoring inputs (issue 14): queue figures, cost to serve, mystery shopping.
          restricted('monitoring/waiting', 'readServiceInputs', loadWaitingPage),
          restricted('monitoring/costs', 'readServiceInputs', loadCostsPage),
          restricted('monitoring/mystery', 'readServiceInputs', loadMysteryPage),
          // ---- excellence: improvements (issue 15) ----
          restricted('excellence/improvements', 'readImprovements', loadImprovementsPage, WORK),
          restricted('excellence/improvements/:id', 'readImprovements', loadImprovementPage),
          // ---- end improvements ----
          // ---- strategy (issue 15): the excellence overview, vision and objectives, review, integrity ----
          restricted('excellence', EXCELLENCE_PERMISSIONS, loadExcellenceHome),
          restricted('excellence/strategy', 'readStrategy', loadStrategyPage),
          restricted('excellence/strategy/review', 'readStrategy', loadStrategyReviewPage),
          restricted('excellence/integrity', 'manageIntegrity', loadIntegrityPage),
          // ---- end strategy ----
          // ideas (issue 15)
          restricted('excellence/ideas', 'readIdeas', loadIdeasPage),
          restricted('excellence/ideas/:id', 'readIdeas', loadIdeaPage),
          // ---- assessments (issue 15) ----
          restricted('excellence/assessments', 'readAssessments', loadAssessmentsPage),
          restricted('excellence/assessments/:id', 'readAssessments', loadAssessmentPage),
          // ---- signals (issue 15): the improvement inbox ----
          restricted('excellence/signals', 'triageSignals', loadSignalsPage, WORK),
          restricted('admin/catalogue', 'readCatalogueAdmin', loadCatalogueListPage),
          restricted('admin/catalogue/:code', 'readCatalogueAdmin', loadCatalogueItemPage),
          restricted('admin/knowledge', 'readCatalogueAdmin', loadKnowledgeListPage),
          restricted('admin/knowledge/:code', 'readCatalogueAdmin', loadArticlePage),
          restricted('admin/calendar', 'readCatalogueAdmin', loadCalendarPage),
          restricted('admin/transfer', 'transferContent', loadTransferPage),
          restricted('admin/users', 'listUsers', loadUsersPage),
          restricted('admin/teams', 'listTeams', loadTeamsPage),
          restricted('admin/tokens', 'manageTokens', loadTokensPage),
          restricted('admin/settings', 'adminSettings', loadSettingsPage),
          restricted('admin/settings/case', 'manageCaseSettings', loadCaseSettingsPage),
          restricted('admin/settings/templates', 'editTemplates', loadTemplatesPage),
          restricted('admin/settings/front-office', 'manageFrontOfficeSettings', loadFrontOfficeSettingsPage),
          restricted('admin/settings/webhooks', 'manageWebhooks', loadWebhooksPage),
          restricted('admin/settings/open311', 'manageOpen311Clients', loadOpen311ClientsPage),
          restricted('admin/settings/surveys', 'manageSurveys', loadSurveysPage),
          restricted('audit', 'readAudit', loadAuditPage),
          // Monitoring (issue 14, dashboards): the overview sends those who see only their own figures to theirs.
          restricted('monitoring', MONITORING, loadMonitoringOverviewPage, WORK),
          restricted('monitoring/teams', ['readMetrics', 'readTeamMetrics'], loadMonitoringTeamsPage, WORK),
          restricted('monitoring/mine', 'readOwnMetrics', loadMonitoringMinePage, WORK),
          restricted('monitoring/areas', 'readMetrics', loadMonitoringAreasPage, WORK),
          restricted('monitoring/kpis', MONITORING, loadMonitoringKpisPage),
          restricted('monitoring/kpis/:code', MONITORING, loadMonitoringKpiPage, WORK),
          restricted('monitoring/drill', MONITORING, loadMonitoringDrillPage, WORK),
          restricted(
            'monitoring/settings',
            ['manageKpiTargets', 'manageSegments'],
            loadMonitoringSettingsPage,
          ),
          // ---- people (issue 15): the team pulse; team pages for every employee (the API decides which teams) ----
          restricted('excellence/pulse', ['answerPulse', 'readPulse'], loadPulsePage),
          { path: 'excellence/team', ...page(loadTeamPagesPage) },
          { path: 'excellence/team/:teamId', ...page(loadTeamPage) },
          // ---- end people ----
          {
            path: 'account',
            ...page(loadAccountPage),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
