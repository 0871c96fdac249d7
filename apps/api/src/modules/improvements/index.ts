/**
 * Improvements (issue 15, "Verbeteren"): proposals, their PDCA cycle and measured effect. Other modules create
 * improvements only through this file.
 */
export {
  type CreateImprovementInput,
  createImprovement,
  improvementOverview,
  improvementsOfTeam,
} from './improvements.service.ts';
