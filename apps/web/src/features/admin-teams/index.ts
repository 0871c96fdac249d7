/**
 * Teams: the administration page, and the list of teams that other pages offer to choose from.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadTeamsPage = async () => (await import('./TeamsPage.tsx')).TeamsPage;

export { teamsQueryKey, useTeams } from './api.ts';
