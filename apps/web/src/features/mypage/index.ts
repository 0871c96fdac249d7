/**
 * My page (/p/<slug>/mijn) for returning residents: sign-in by an email link, their cases and contacts, how they
 * hear back, their consents, and a download of everything stored about them.
 * The only file of this feature that other features and the shell import.
 */

// Its page, loaded when first visited: its own chunk, never the staff app (ADR 0012).
export const loadMyPage = async () => (await import('./MyPage.tsx')).MyPage;
