/**
 * Staff: the administration page, and the list of users that other pages name people from.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadUsersPage = async () => (await import('./UsersPage.tsx')).UsersPage;

export { useUsers } from './api.ts';
