/**
 * An organisation's public catalogue (/p/<slug>/diensten), for residents.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadPublicCataloguePage = async () =>
  (await import('./PublicCataloguePage.tsx')).PublicCataloguePage;
