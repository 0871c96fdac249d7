/**
 * My account: name, language and password of the signed-in user.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadAccountPage = async () => (await import('./AccountPage.tsx')).AccountPage;
