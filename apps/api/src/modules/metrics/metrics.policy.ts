import { allows, type Rule } from '../../platform/policy.ts';

/**
 * Who reads which figures. The level decides the scope the service applies: the organisation (readMetrics), the
 * teams one leads (readTeamMetrics, with a team-lead membership), or one's own contacts (readOwnMetrics).
 */
export const metricsPolicy = {
  readOrganisation: allows('readMetrics'),
  readTeams: allows('readTeamMetrics'),
  readOwn: allows('readOwnMetrics'),
  /** Any level: the catalogue and its definitions. */
  readCatalogue: ((actor) =>
    allows('readMetrics')(actor) ||
    allows('readTeamMetrics')(actor) ||
    allows('readOwnMetrics')(actor)) as Rule,
  /** Agents' names in breakdowns (others see "Medewerker 1, 2 …"). */
  seeAgentNames: allows('readUserList'),
  manageTargets: allows('manageKpiTargets'),
  manageSegments: allows('manageSegments'),
  /** Segments are a filter on every level's figures: whoever reads figures lists them. */
  listSegments: ((actor) =>
    allows('readMetrics')(actor) ||
    allows('readTeamMetrics')(actor) ||
    allows('readOwnMetrics')(actor)) as Rule,
};
