/**
 * The resident portal (/p/<slug>): the public home with "find your answer", an item's page, its report form
 * and the confirmation. The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadPortalHomePage = async () => (await import('./PortalHomePage.tsx')).PortalHomePage;
export const loadPortalItemPage = async () => (await import('./PortalItemPage.tsx')).PortalItemPage;
export const loadPortalReportPage = async () => (await import('./PortalReportPage.tsx')).PortalReportPage;
export const loadPortalReceivedPage = async () =>
  (await import('./PortalReceivedPage.tsx')).PortalReceivedPage;
