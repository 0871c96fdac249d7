import { Button } from '@utrecht/button-react';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { letterPdfUrl } from '../letters/index.ts';
import { type Delivery, useDeliveries, useRetryDelivery } from './api.ts';
import { CaseTime } from './CaseTime.tsx';

/** Sent is good, given up is a warning, the rest is on its way; the word says it, the colour repeats it. */
const badge = (status: string) =>
  status === 'sent' ? 'active' : status === 'failed' || status === 'bounced' ? 'warning' : 'neutral';

/**
 * "Verzonden berichten": every email about this case as the outbox handled it — to whom, what, whether it
 * went out, and the last error when it did not — and every letter: still to post, or posted by whom.
 * Read defensively: fields may be missing.
 */
export function DeliveryLog({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const log = useDeliveries(caseId);
  const canRetry = useCan('retryDeliveries');
  const canPost = useCan('workLetters');
  const retry = useRetryDelivery(caseId);
  const items = log.data ?? [];
  const statusText = (item: Delivery) =>
    item.channel === 'post'
      ? t(item.status === 'sent' ? 'letters.delivery.sent' : 'letters.delivery.to_send')
      : item.status && (NOTIFICATION_STATUSES as readonly string[]).includes(item.status)
        ? t(`cases.delivery.status.${item.status as NotificationStatus}`)
        : (item.status ?? '—');

  return (
    <Section headingId="case-deliveries" title={t('cases.delivery.title')} panel>
      {log.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {log.isError ? <ErrorAlert error={log.error} /> : null}
      {retry.isError ? <ErrorAlert error={retry.error} /> : null}
      {log.isSuccess && items.length === 0 ? (
        <Paragraph className="vd-muted">{t('cases.delivery.none')}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        <Table caption={t('cases.delivery.caption', { count: items.length })} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('cases.delivery.to')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.delivery.subject')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.delivery.statusLabel')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.delivery.when')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item: Delivery, index) => {
              const when = item.sentAt ?? item.createdAt;
              return (
                <TableRow key={item.id ?? index}>
                  <TableCell>
                    {item.recipientName ? <span className="vd-block">{item.recipientName}</span> : null}
                    <span className={item.recipientName ? 'vd-muted vd-small' : undefined}>
                      {item.recipient ?? '—'}
                    </span>
                  </TableCell>
                  <TableCell>{item.subject ?? '—'}</TableCell>
                  <TableCell>
                    <StatusBadge status={badge(item.status ?? '')}>{statusText(item)}</StatusBadge>
                    {item.channel === 'post' && item.sentBy ? (
                      <span className="vd-block vd-muted vd-small">
                        {t('letters.delivery.sentBy', { by: item.sentBy })}
                      </span>
                    ) : null}
                    {item.channel === 'post' && canPost && item.id ? (
                      <a
                        className="utrecht-link utrecht-link--html-a vd-block"
                        href={letterPdfUrl(item.id)}
                        download
                        aria-label={t('letters.delivery.pdfFor', {
                          to: item.recipientName ?? item.recipient ?? '',
                        })}
                      >
                        {t('letters.delivery.pdf')}
                      </a>
                    ) : null}
                    {item.keptInMailbox ? (
                      <span className="vd-block vd-muted vd-small">{t('cases.delivery.keptInMailbox')}</span>
                    ) : null}
                    {item.lastError ? (
                      <span className="vd-block vd-muted vd-small vd-break">
                        {t('cases.delivery.lastError', { error: item.lastError, count: item.attempts ?? 1 })}
                      </span>
                    ) : null}
                    {canRetry && item.id && (item.status === 'failed' || item.status === 'bounced') ? (
                      <Button
                        appearance="subtle-button"
                        busy={retry.isPending && retry.variables === item.id}
                        disabled={retry.isPending}
                        aria-label={t('cases.delivery.retryItem', { to: item.recipient ?? '' })}
                        onClick={() => item.id && retry.mutate(item.id)}
                      >
                        {t('cases.delivery.retry')}
                      </Button>
                    ) : null}
                  </TableCell>
                  <TableCell className="vd-nowrap">{when ? <CaseTime iso={when} /> : '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {log.isSuccess ? (
        <div>
          <Button appearance="subtle-button" onClick={() => void log.refetch()} busy={log.isFetching}>
            {t('cases.delivery.refresh')}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
