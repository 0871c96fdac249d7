/**
 * Reading the catalogue and the knowledge base: the API hooks, the wording of catalogue values, and an item's
 * or article's detail as staff and residents see it. It has no page of its own: the search, workspace, case,
 * public and administration pages show what it gives.
 * The only file of this feature that other features and the shell import.
 */

export { ArticleDetail } from './ArticleDetail.tsx';
export {
  SEARCH_MIN_LENGTH,
  useArticle,
  useCatalogueItem,
  useCatalogueItems,
  useCreateItem,
  useExpectedDate,
  useItemAction,
  useReportUse,
  useSaveDraft,
  useSearch,
} from './api.ts';
export { foldText, useCatalogueFormat } from './format.ts';
export { ItemDetail, LocalMarkdown, RelatedAdvice } from './ItemDetail.tsx';
