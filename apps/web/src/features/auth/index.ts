/**
 * Signing in and out. Who is signed in is the toolkit's (lib/session.ts, lib/CurrentUser.tsx): every part
 * of the app asks it.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadLoginPage = async () => (await import('./LoginPage.tsx')).LoginPage;
export const loadOrganisationLoginPage = async () =>
  (await import('./OrganisationLoginPage.tsx')).OrganisationLoginPage;

export { useLogout } from './api.ts';
