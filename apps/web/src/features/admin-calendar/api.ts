import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarInput } from '@voordeur/shared';
import { api } from '../../api/client.ts';

export const calendarQueryKey = ['calendar'] as const;

export interface Holiday {
  date: string;
  name: string;
}

export interface CalendarResponse {
  definition: CalendarInput;
  /** 0 while the default calendar applies. */
  version: number;
  /** The holidays of this year and the next, as the definition decides them. */
  holidays: Holiday[];
}

export function useCalendar() {
  return useQuery({ queryKey: calendarQueryKey, queryFn: () => api<CalendarResponse>('/api/calendar') });
}

export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { definition: CalendarInput; version: number }) =>
      api<CalendarResponse>('/api/calendar', { method: 'PUT', body }),
    onSuccess: (data) => {
      queryClient.setQueryData(calendarQueryKey, data);
      // Expected dates depend on the calendar.
      void queryClient.invalidateQueries({ queryKey: ['catalogue'] });
    },
  });
}
