/**
 * Letters to people without an email address: the post queue, and where a letter's PDF is.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadLettersPage = async () => (await import('./LettersPage.tsx')).LettersPage;

export { letterPdfUrl } from './api.ts';
