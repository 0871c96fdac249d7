/**
 * Cases: the queue and the case page; the badges other pages show a case with.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadQueuePage = async () => (await import('./QueuePage.tsx')).QueuePage;
export const loadCasePage = async () => (await import('./CasePage.tsx')).CasePage;

export { CaseBadges } from './CaseBadges.tsx';
