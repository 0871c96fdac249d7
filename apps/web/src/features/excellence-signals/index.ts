/**
 * The improvement inbox (issue 15, "Verbeteren"): clusters of signals and their triage, and the staff suggestion
 * button of the shell. The only file of this feature that the router and the shell import.
 */

/**
 * The section's words (as `excellenceWords()` of features/excellence loads them), imported here directly: the shell
 * imports this file for the suggestion button, and must not pull in the section's navigation with it.
 */
const excellenceWords = () => import('../../i18n/sections/excellence.ts');

export const loadSignalsPage = async () => {
  await excellenceWords();
  return (await import('./SignalsPage.tsx')).SignalsPage;
};

/** "Idee of verbetering?" in the staff header: the button is small, its dialog loads when first opened. */
export { SuggestButton } from './SuggestButton.tsx';
