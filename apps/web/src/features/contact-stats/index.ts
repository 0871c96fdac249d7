/**
 * First-contact resolution figures.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadContactStatsPage = async () => (await import('./ContactStatsPage.tsx')).ContactStatsPage;
