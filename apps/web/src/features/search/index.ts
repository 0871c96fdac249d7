/**
 * Search in the catalogue and knowledge base: the page, and the search panel the workspace embeds.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadSearchPage = async () => (await import('./SearchPage.tsx')).SearchPage;

export { AgentSearch, type OpenedResult, SEARCH_INPUT_ID } from './AgentSearch.tsx';
