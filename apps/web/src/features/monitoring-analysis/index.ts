/**
 * Monitoring: causes and equal treatment (issue 14) — what drives the survey grade, why norms were missed, and
 * whether groups of people are served equally well. The only file of this feature others import.
 */

/** The section's words load with its first page. */
const words = () => import('../../i18n/sections/monitoring.ts');

// Each page is its own chunk (ADR 0012).
export const loadDriversPage = async () => {
  await words();
  return (await import('./DriversPage.tsx')).DriversPage;
};
export const loadBreachesPage = async () => {
  await words();
  return (await import('./BreachesPage.tsx')).BreachesPage;
};
export const loadEqualityPage = async () => {
  await words();
  return (await import('./EqualityPage.tsx')).EqualityPage;
};
