/**
 * The resident portal's pages in the web app: an item's report form and the confirmation. The public home, the
 * catalogue and an item's page are rendered by the server (ADR 0022, addendum): they load no script.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadPortalReportPage = async () => (await import('./PortalReportPage.tsx')).PortalReportPage;
export const loadPortalReceivedPage = async () =>
  (await import('./PortalReceivedPage.tsx')).PortalReceivedPage;
