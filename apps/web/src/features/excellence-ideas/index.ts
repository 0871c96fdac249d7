/**
 * Innovation (issue 15, item 4): the ideas board and one idea — stage moves, the experiment and its measured
 * result, residents' comments to moderate. The only file of this feature the router and others import.
 */
import { excellenceWords } from '../excellence/index.ts';

export const loadIdeasPage = async () => {
  await excellenceWords();
  return (await import('./IdeasPage.tsx')).IdeasPage;
};
export const loadIdeaPage = async () => {
  await excellenceWords();
  return (await import('./IdeaPage.tsx')).IdeaPage;
};
