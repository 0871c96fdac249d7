/**
 * Improvements (issue 15, "Verbeteren"): the board of proposals by PDCA status with a quick-win lane, and one
 * improvement with its moves, its measured effect and its publication. The only file of this feature others import.
 */
import { excellenceWords } from '../excellence/index.ts';

// The charts speak the monitoring section's chart words.
const words = () => Promise.all([excellenceWords(), import('../../i18n/sections/monitoring.ts')]);

export const loadImprovementsPage = async () => {
  await words();
  return (await import('./ImprovementsPage.tsx')).ImprovementsPage;
};
export const loadImprovementPage = async () => {
  await words();
  return (await import('./ImprovementPage.tsx')).ImprovementPage;
};
