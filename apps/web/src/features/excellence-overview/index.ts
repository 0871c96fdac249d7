/**
 * The excellence overview (issue 15, item 7): for management, the objectives on and off target (and the other parts
 * of the section as they land). The only file of this feature that the router imports.
 */
import { excellenceWords } from '../excellence/index.ts';

export const loadExcellenceOverviewPage = async () => {
  await excellenceWords();
  return (await import('./OverviewPage.tsx')).OverviewPage;
};
