/**
 * Monitoring inputs (issue 14): queue figures imported from the telephony and desk systems, unit costs and cost
 * to serve, mystery shopping and calling. The only file of this feature that the router and others import.
 */

/** The section's words load with its first page. */
const words = () => import('../../i18n/sections/monitoring.ts');

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadWaitingPage = async () => {
  await words();
  return (await import('./WaitingPage.tsx')).WaitingPage;
};
export const loadCostsPage = async () => {
  await words();
  return (await import('./CostsPage.tsx')).CostsPage;
};
export const loadMysteryPage = async () => {
  await words();
  return (await import('./MysteryPage.tsx')).MysteryPage;
};
