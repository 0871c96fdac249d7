import { useQuery } from '@tanstack/react-query';
import type { ExcellenceOverview } from '@voordeur/shared';
import { api } from '../../api/client.ts';

export function useExcellenceOverview() {
  return useQuery({
    queryKey: ['excellence', 'overview'],
    queryFn: () => api<ExcellenceOverview>('/api/excellence/overview'),
  });
}
