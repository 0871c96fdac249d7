/**
 * People (issue 15, employees): the anonymous team pulse, the team pages and the compliments residents gave.
 * The only file of this feature the router imports.
 */
import { excellenceWords } from '../excellence/index.ts';

export const loadPulsePage = async () => {
  await excellenceWords();
  return (await import('./PulsePage.tsx')).PulsePage;
};
export const loadTeamPagesPage = async () => {
  await excellenceWords();
  return (await import('./TeamPagesPage.tsx')).TeamPagesPage;
};
export const loadTeamPage = async () => {
  await excellenceWords();
  return (await import('./TeamPage.tsx')).TeamPage;
};
