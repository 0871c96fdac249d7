/**
 * The excellence section ("Verbeteren", issue 15): its navigation and its words, for the section's features
 * (assessments, strategy, signals, improvements, ideas, people). The only file of this feature others import.
 */

/** The section's words (every part's), loaded with a section page before it renders. */
export const excellenceWords = () => import('../../i18n/sections/excellence.ts');

// The section's own navigation, for every page of the section.
export { ExcellenceNav } from './ExcellenceNav.tsx';
