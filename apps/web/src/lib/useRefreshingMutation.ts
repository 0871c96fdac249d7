import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A mutation after which the queries under `queryKey` are read again: the lists and documents it changed. Callers
 * that must act when it is done, even if their component leaves the page meanwhile, use `mutateAsync`.
 */
export function useRefreshingMutation<V, R>(mutationFn: (variables: V) => Promise<R>, queryKey: QueryKey) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey }) });
}
