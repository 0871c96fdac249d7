/**
 * Import and export of the catalogue and the knowledge base.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadTransferPage = async () => (await import('./TransferPage.tsx')).TransferPage;
