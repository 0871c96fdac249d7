import { Button } from '@utrecht/button-react';
import type { AuditEvent } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { auditActionLabel, auditEntityLabel } from '../../i18n/auditWords.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Code } from '../../ui/Code.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useUsers } from '../admin-users/index.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { AuditFilterForm, type AuditFilterValues } from './AuditFilterForm.tsx';
import { type AuditFilters, useAuditEvents } from './api.ts';
import { endOfDayIso, startOfDayIso } from './dates.ts';

const FILTER_KEYS = ['entityType', 'entityId', 'actorId', 'from', 'to'] as const;

/**
 * Audit trail (administrators, quality officers). Filters live in the URL, so a filtered view
 * can be shared and the back button works; "Load more" follows the cursor.
 */
export function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const canListUsers = useCan('listUsers');
  const users = useUsers(canListUsers);

  const values: AuditFilterValues = {
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    actorId: params.get('actorId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const filters: AuditFilters = {
    entityType: values.entityType || undefined,
    entityId: values.entityId || undefined,
    actorId: values.actorId || undefined,
    from: startOfDayIso(values.from),
    to: endOfDayIso(values.to),
  };
  const events = useAuditEvents(filters);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const labels = Object.assign({}, ...(events.data?.pages.map((page) => page.labels) ?? [])) as Labels;

  const apply = (next: AuditFilterValues) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]);
    setParams(search);
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('audit.title')} intro={t('audit.intro')} />

      <AuditFilterForm
        key={params.toString()}
        initial={values}
        users={canListUsers ? (users.data ?? []) : null}
        onApply={apply}
        onReset={() => setParams(new URLSearchParams())}
      />

      <Section headingId="audit-results-heading" title={t('audit.caption')}>
        {events.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {events.isError && !events.isFetchNextPageError ? <ErrorAlert error={events.error} /> : null}
        {events.isSuccess && items.length === 0 ? (
          <Paragraph role="status">{t('audit.empty')}</Paragraph>
        ) : null}
        {items.length > 0 ? (
          <>
            <AuditTable events={items} labels={labels} />
            <Paragraph role="status" className="vd-muted">
              {t('audit.count', { count: items.length })} {events.hasNextPage ? '' : t('audit.end')}
            </Paragraph>
            {events.isFetchNextPageError ? <ErrorAlert error={events.error} /> : null}
            {events.hasNextPage ? (
              <div>
                <Button
                  appearance="secondary-action-button"
                  onClick={() => void events.fetchNextPage()}
                  busy={events.isFetchingNextPage}
                  disabled={events.isFetchingNextPage}
                >
                  {events.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
                </Button>
              </div>
            ) : null}
          </>
        ) : null}
      </Section>
    </div>
  );
}

/** What the API calls the records the events name, by id (a case's reference, a user's name). */
type Labels = Record<string, string>;

/** The record an event is about: its kind in words, and its reference or name (a case links to its page). */
function Subject({ event, label }: { event: AuditEvent; label: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {auditEntityLabel(event.entityType, t)}
      <span className="vd-block vd-break">
        {label === undefined ? (
          <Code className="vd-muted">{event.entityId}</Code>
        ) : event.entityType === 'case' ? (
          <Link className="vd-nowrap" to={`/cases/${encodeURIComponent(event.entityId)}`}>
            {label}
          </Link>
        ) : (
          label
        )}
      </span>
    </>
  );
}

function AuditTable({ events, labels }: { events: AuditEvent[]; labels: Labels }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table caption={t('audit.caption')} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('audit.time')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.actorColumn')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.action')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.entity')}</TableHeaderCell>
          <TableHeaderCell>{t('audit.changes')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id}>
            <TableCell className="vd-nowrap">
              <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
            </TableCell>
            <TableCell className="vd-break">
              {event.actor.label}
              {event.actor.kind !== 'user' ? (
                <span className="vd-muted"> ({t(`audit.actorKinds.${event.actor.kind}`)})</span>
              ) : null}
            </TableCell>
            <TableCell>{auditActionLabel(event.action, t)}</TableCell>
            <TableCell>
              <Subject event={event} label={labels[event.entityId.toLowerCase()]} />
            </TableCell>
            <TableCell>
              <AuditChanges changes={event.changes} labels={labels} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
