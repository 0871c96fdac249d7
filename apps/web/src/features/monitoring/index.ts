/**
 * Monitoring dashboards (issue 14): the management overview, teams, one's own figures, districts, the KPI
 * catalogue and definition pages, the drill-down to cases and contacts, and the settings (targets, segments).
 * The only file of this feature that the shell and other features import.
 */

/** The section's words load with its first page. */
const words = () => import('../../i18n/sections/monitoring.ts');

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadMonitoringOverviewPage = async () => {
  await words();
  return (await import('./OverviewPage.tsx')).OverviewPage;
};
export const loadMonitoringTeamsPage = async () => {
  await words();
  return (await import('./TeamsPage.tsx')).TeamsPage;
};
export const loadMonitoringMinePage = async () => {
  await words();
  return (await import('./MinePage.tsx')).MinePage;
};
export const loadMonitoringAreasPage = async () => {
  await words();
  return (await import('./AreasPage.tsx')).AreasPage;
};
export const loadMonitoringKpisPage = async () => {
  await words();
  return (await import('./KpisPage.tsx')).KpisPage;
};
export const loadMonitoringKpiPage = async () => {
  await words();
  return (await import('./KpiPage.tsx')).KpiPage;
};
export const loadMonitoringDrillPage = async () => {
  await words();
  return (await import('./DrillPage.tsx')).DrillPage;
};
export const loadMonitoringSettingsPage = async () => {
  await words();
  return (await import('./SettingsPage.tsx')).SettingsPage;
};

// The section's own navigation, for the other monitoring features' pages (light: no charts).
export { MonitoringNav } from './MonitoringNav.tsx';
