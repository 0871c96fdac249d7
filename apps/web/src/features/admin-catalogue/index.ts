/**
 * Catalogue administration: the list of items and one item's draft, versions and workflow; the badges of
 * an item's state, which the knowledge base administration shows too.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadCatalogueListPage = async () => (await import('./CatalogueListPage.tsx')).CatalogueListPage;
export const loadCatalogueItemPage = async () => (await import('./CatalogueItemPage.tsx')).CatalogueItemPage;

export { ItemBadges, StateBadges } from './ItemBadges.tsx';
