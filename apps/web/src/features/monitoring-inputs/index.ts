/**
 * Monitoring inputs (issue 14): queue figures imported from the telephony and desk systems, unit costs and cost
 * to serve, mystery shopping and calling. The only file of this feature that the router and others import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadWaitingPage = async () => (await import('./WaitingPage.tsx')).WaitingPage;
export const loadCostsPage = async () => (await import('./CostsPage.tsx')).CostsPage;
export const loadMysteryPage = async () => (await import('./MysteryPage.tsx')).MysteryPage;
