import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Article,
  Audience,
  CatalogueItem,
  CatalogueItemDefinition,
  CatalogueItemSummary,
  Duration,
  ItemKind,
  PublicationState,
  RelatedAdvice,
  SearchHit,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

const path = (code: string) => `/api/catalogue/items/${encodeURIComponent(code)}`;

export const catalogueQueryKey = ['catalogue'] as const;
const itemKey = (code: string) => [...catalogueQueryKey, 'item', code] as const;

// ---- Staff search ------------------------------------------------------------------------------------

export interface SearchParams {
  q: string;
  kind?: 'item' | 'article' | '';
  audience?: Audience | '';
}

export interface SearchResult {
  searchId: string;
  didYouMean: string[];
  hits: SearchHit[];
}

/** Shortest query the API accepts (one word of two letters). */
export const SEARCH_MIN_LENGTH = 2;

/** Search the catalogue and the knowledge base; the previous answer stays while the next one loads. */
export function useSearch(params: SearchParams) {
  return useQuery({
    queryKey: ['search', params],
    queryFn: ({ signal }) => api<SearchResult>('/api/search', { query: { ...params, limit: 20 }, signal }),
    enabled: params.q.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
  });
}

/** Tell the API which result answered the question (ranking, "not found" report). */
export function useReportUse() {
  return useMutation({
    mutationFn: ({ searchId, ...body }: { searchId: string; kind: 'item' | 'article'; id: string }) =>
      api<void>(`/api/search/${encodeURIComponent(searchId)}/used`, { method: 'POST', body }),
  });
}

// ---- Items and articles -----------------------------------------------------------------------------

export function useCatalogueItem(code: string) {
  return useQuery({ queryKey: itemKey(code), queryFn: () => api<CatalogueItem>(path(code)) });
}

export interface ExpectedDate {
  code: string;
  start: string;
  serviceNorm: Duration;
  expected: string;
  expectedDate: string;
  internalTarget: string | null;
}

/** When a case of this item, started now, is expected to be done (published items only). */
export function useExpectedDate(code: string, enabled = true) {
  return useQuery({
    queryKey: [...itemKey(code), 'expected-date'],
    queryFn: () => api<ExpectedDate>(`${path(code)}/expected-date`),
    enabled,
  });
}

export function useArticle(code: string) {
  return useQuery({
    queryKey: ['knowledge', 'article', code],
    queryFn: () => api<Article>(`/api/knowledge/articles/${encodeURIComponent(code)}`),
  });
}

export interface CatalogueFilters {
  audience?: Audience | '';
  kind?: ItemKind | '';
  state?: PublicationState | '';
}

/** Catalogue items (administrators, managers and quality officers also see drafts). */
export function useCatalogueItems(filters: CatalogueFilters = {}) {
  return useQuery({
    queryKey: [...catalogueQueryKey, 'list', filters],
    queryFn: async () =>
      (await api<ListResponse<CatalogueItemSummary>>('/api/catalogue/items', { query: { ...filters } }))
        .items,
  });
}

// ---- Changes (administrators) -----------------------------------------------------------------------

/** After a change: the item's own cache gets the answer, lists and search refetch. */
function useItemChange<V>(request: (variables: V) => Promise<CatalogueItem>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (item) => {
      queryClient.setQueryData(itemKey(item.code), item);
      void queryClient.invalidateQueries({ queryKey: [...catalogueQueryKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...itemKey(item.code), 'expected-date'] });
      void queryClient.invalidateQueries({ queryKey: ['search'] });
    },
  });
}

export const useCreateItem = () =>
  useItemChange((definition: CatalogueItemDefinition) =>
    api<CatalogueItem>('/api/catalogue/items', { method: 'POST', body: { definition } }),
  );

export const useSaveDraft = () =>
  useItemChange(({ definition, version }: { definition: CatalogueItemDefinition; version: number }) =>
    api<CatalogueItem>(`${path(definition.code)}/draft`, { method: 'PUT', body: { definition, version } }),
  );

/** Publish the saved draft, or retire the item. */
export const useItemAction = (action: 'publish' | 'retire') =>
  useItemChange(({ code, version }: { code: string; version: number }) =>
    api<CatalogueItem>(`${path(code)}/${action}`, { method: 'POST', body: { version } }),
  );

// ---- Related -----------------------------------------------------------------------------------------

/** "You may also need…" for an item, as the portal offers it: its links, then what people asked next. */
export function useRelatedAdvice(code: string) {
  return useQuery({
    queryKey: [...itemKey(code), 'related'],
    queryFn: () => api<RelatedAdvice>(`/api/related/${encodeURIComponent(code)}`),
  });
}
