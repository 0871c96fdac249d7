/**
 * Knowledge base administration: the list of articles and one article's draft and versions.
 * The only file of this feature that other features and the shell import.
 */

// Its pages, each loaded when first visited: every page is its own chunk (ADR 0012).
export const loadKnowledgeListPage = async () => (await import('./KnowledgeListPage.tsx')).KnowledgeListPage;
export const loadArticlePage = async () => (await import('./ArticlePage.tsx')).ArticlePage;
