/**
 * Strategy (issue 15): the service vision, objectives with KPI targets and actions, the periodic review, and the
 * integrity register. The only file of this feature that the router and others import.
 */
import { excellenceWords } from '../excellence/index.ts';

// Its pages, each loaded when first visited with the section's words (ADR 0012).
export const loadStrategyPage = async () => {
  await excellenceWords();
  return (await import('./StrategyPage.tsx')).StrategyPage;
};
export const loadStrategyReviewPage = async () => {
  await excellenceWords();
  return (await import('./ReviewPage.tsx')).ReviewPage;
};
export const loadIntegrityPage = async () => {
  await excellenceWords();
  return (await import('./IntegrityPage.tsx')).IntegrityPage;
};
