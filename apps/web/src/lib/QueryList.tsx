import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '../ui/Paragraph.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface QueryListProps<T> {
  /** A list query (TanStack Query's result fits). */
  query: { isPending: boolean; isError: boolean; error: unknown; data: T[] | undefined };
  /** Said when the list is empty. */
  empty: string;
  /** Renders the items, when there are any. */
  children: (items: T[]) => ReactNode;
}

/** A fetched list: "Loading…" (announced), the error, the empty message, or the items. */
export function QueryList<T>({ query, empty, children }: QueryListProps<T>) {
  const { t } = useTranslation();
  return (
    <div className="vd-stack">
      {query.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.data && query.data.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      {query.data && query.data.length > 0 ? children(query.data) : null}
    </div>
  );
}
