/**
 * The excellence section ("Verbeteren", issue 15): its navigation and its words, for the section's features
 * (assessments, strategy, signals, improvements, ideas, people). The only file of this feature others import.
 */

/** The section's words (every part's), loaded with a section page before it renders. */
export const excellenceWords = () => import('../../i18n/sections/excellence.ts');

// The section's own navigation, for every page of the section.
export { EXCELLENCE_PERMISSIONS, ExcellenceNav } from './ExcellenceNav.tsx';

/** `/excellence` for those without the overview: on to the first page of the section they may open. */
export const loadExcellenceLandingPage = async () =>
  (await import('./ExcellenceLanding.tsx')).ExcellenceLanding;
