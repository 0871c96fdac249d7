/**
 * Open311 client apps: the API keys with which outside apps post service requests (GeoReport v2).
 * The only file of this feature that other features and the shell import.
 */

// Its page, loaded when first visited: every page is its own chunk (ADR 0012).
export const loadOpen311ClientsPage = async () =>
  (await import('./Open311ClientsPage.tsx')).Open311ClientsPage;
