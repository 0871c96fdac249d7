import { Button } from '@utrecht/button-react';
import type { Webhook, WebhookDelivery, WebhookDeliveryStatus } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { QueryList } from '../../lib/QueryList.tsx';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Code } from '../../ui/Code.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useDeliveries, useRetryDelivery, useTestWebhook } from './api.ts';

export const DELIVERY_LOG_HEADING = 'webhook-log-heading';

const BADGE: Record<WebhookDeliveryStatus, 'active' | 'neutral' | 'warning'> = {
  delivered: 'active',
  queued: 'neutral',
  failed: 'warning',
};

/**
 * The delivery log of one webhook, newest first: each event with its status, attempts, the receiver's last answer
 * and why it failed; a failed one can be sent again, and a test event can be queued. Refreshes by itself while
 * something waits in the queue.
 */
export function DeliveryLog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation();
  const deliveries = useDeliveries(webhook.id);
  const test = useTestWebhook(webhook.id);
  const retry = useRetryDelivery(webhook.id);
  const refusal =
    isApiError(retry.error) && retry.error.code === 'webhook_inactive'
      ? t('adminSettings.webhooks.retryInactive')
      : isApiError(test.error) && test.error.code === 'webhook_inactive'
        ? t('adminSettings.webhooks.testInactive')
        : null;
  const otherError = refusal ? null : (retry.error ?? test.error);

  return (
    <Section
      headingId={DELIVERY_LOG_HEADING}
      title={t('adminSettings.webhooks.logTitle', { name: webhook.name })}
      panel
      focusHeading
    >
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          busy={test.isPending}
          disabled={test.isPending}
          onClick={() => {
            retry.reset();
            test.mutate();
          }}
        >
          {t('adminSettings.webhooks.test')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => void deliveries.refetch()}>
          {t('adminSettings.webhooks.refresh')}
        </Button>
        <Button appearance="subtle-button" onClick={onClose}>
          {t('adminSettings.webhooks.closeLog')}
        </Button>
      </ButtonGroup>
      {test.isSuccess ? <Notice>{t('adminSettings.webhooks.testQueued')}</Notice> : null}
      {retry.isSuccess ? <Notice>{t('adminSettings.webhooks.retried')}</Notice> : null}
      {refusal ? <Notice type="warning">{refusal}</Notice> : null}
      {otherError ? <ErrorAlert error={otherError} /> : null}
      <QueryList query={deliveries} empty={t('adminSettings.webhooks.logEmpty')}>
        {(items) => (
          <DeliveryTable
            deliveries={items}
            busy={retry.isPending}
            onRetry={(delivery) => {
              test.reset();
              retry.mutate(delivery.id);
            }}
          />
        )}
      </QueryList>
    </Section>
  );
}

function DeliveryTable({
  deliveries,
  busy,
  onRetry,
}: {
  deliveries: WebhookDelivery[];
  busy: boolean;
  onRetry: (delivery: WebhookDelivery) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table caption={t('adminSettings.webhooks.logCaption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('adminSettings.webhooks.logTime')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.webhooks.logEvent')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.webhooks.logStatus')}</TableHeaderCell>
          <TableHeaderCell className="utrecht-table__header-cell--numeric-column">
            {t('adminSettings.webhooks.logAttempts')}
          </TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.webhooks.logAnswer')}</TableHeaderCell>
          <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((delivery) => (
          <TableRow key={delivery.id}>
            <TableHeaderCell scope="row">
              <time dateTime={delivery.createdAt}>{format.dateTime(delivery.createdAt)}</time>
            </TableHeaderCell>
            <TableCell>
              <Code>{delivery.eventType}</Code>
            </TableCell>
            <TableCell>
              <StatusBadge status={BADGE[delivery.status]}>
                {t(`adminSettings.webhooks.status.${delivery.status}`)}
              </StatusBadge>
              {delivery.deliveredAt ? (
                <span className="vd-block vd-muted">
                  <time dateTime={delivery.deliveredAt}>{format.dateTime(delivery.deliveredAt)}</time>
                </span>
              ) : null}
            </TableCell>
            <TableCell className="utrecht-table__cell--numeric-data">{delivery.attempts}</TableCell>
            <TableCell>
              {delivery.responseStatus !== null ? (
                <span className="vd-block">HTTP {delivery.responseStatus}</span>
              ) : null}
              {delivery.lastError ? (
                // The receiver's or the network's own words (English): marked as such.
                <span className="vd-block vd-muted" lang="en">
                  {delivery.lastError}
                </span>
              ) : null}
            </TableCell>
            <TableCell>
              {delivery.status === 'failed' ? (
                <Button
                  appearance="subtle-button"
                  busy={busy}
                  disabled={busy}
                  aria-label={t('adminSettings.webhooks.retryItem', {
                    event: delivery.eventType,
                    time: format.dateTime(delivery.createdAt),
                  })}
                  onClick={() => onRetry(delivery)}
                >
                  {t('adminSettings.webhooks.retry')}
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
