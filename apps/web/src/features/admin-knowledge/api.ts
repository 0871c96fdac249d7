import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Article, ArticleInput, PublicationState } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

export const knowledgeQueryKey = ['knowledge'] as const;
const path = (code: string) => `/api/knowledge/articles/${encodeURIComponent(code)}`;

export interface ArticleFilters {
  audience?: 'public' | 'internal' | '';
  state?: PublicationState | '';
  reviewDue?: boolean;
}

/** Knowledge articles (administrators, managers and quality officers also see drafts). */
export function useArticles({ audience, state, reviewDue }: ArticleFilters) {
  return useQuery({
    queryKey: [...knowledgeQueryKey, 'list', { audience, state, reviewDue }],
    queryFn: async () =>
      (
        await api<ListResponse<Article>>('/api/knowledge/articles', {
          query: { audience, state, reviewDue: reviewDue ? 'true' : undefined },
        })
      ).items,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (article: Article) => {
    queryClient.setQueryData([...knowledgeQueryKey, 'article', article.code], article);
    void queryClient.invalidateQueries({ queryKey: [...knowledgeQueryKey, 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['search'] });
  };
}

export function useCreateArticle() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (definition: ArticleInput) =>
      api<Article>('/api/knowledge/articles', { method: 'POST', body: { definition } }),
    onSuccess: refresh,
  });
}

export function useSaveArticleDraft() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      code,
      definition,
      version,
    }: {
      code: string;
      definition: ArticleInput;
      version: number;
    }) => api<Article>(`${path(code)}/draft`, { method: 'PUT', body: { definition, version } }),
    onSuccess: refresh,
  });
}

export function useArticleAction(action: 'publish' | 'retire') {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ code, version }: { code: string; version: number }) =>
      api<Article>(`${path(code)}/${action}`, { method: 'POST', body: { version } }),
    onSuccess: refresh,
  });
}
