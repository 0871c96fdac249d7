import { Button } from '@utrecht/button-react';
import { CASE_EVENT_TYPES, type Webhook } from '@voordeur/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../lib/CreateButton.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useListEditor } from '../../lib/useListEditor.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Code } from '../../ui/Code.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { type CreatedWebhook, useDeleteWebhook, useWebhooks } from './api.ts';
import { CREATED_WEBHOOK_HEADING, CreatedSecretNotice } from './CreatedSecretNotice.tsx';
import { DELIVERY_LOG_HEADING, DeliveryLog } from './DeliveryLog.tsx';
import { BackToSettings } from './SettingsPage.tsx';
import { eventTypeName, WebhookForm } from './WebhookForm.tsx';

const IDS = {
  heading: 'webhook-editor-heading',
  createButton: 'webhook-create-open',
  notice: 'webhooks-notice',
};

/**
 * Webhooks (administrators): other systems that receive case events as signed CloudEvents. List, create (the
 * signing secret shown once), change, delete with confirmation, and each one's delivery log with a retry.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminSettings.webhooks.title'));
  const webhooks = useWebhooks();
  const editor = useListEditor(IDS, webhooks.data, () => webhooks.refetch());
  const remove = useDeleteWebhook();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [logId, setLogId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusNotice, setFocusNotice] = useState(false);
  const logFor = webhooks.data?.find((w) => w.id === logId);
  const shownNotice = notice ?? editor.notice;

  const confirmDelete = () => {
    if (!deleting) return;
    const { id, name } = deleting;
    remove.mutate(id, {
      onSuccess: () => {
        setDeleting(null);
        if (logId === id) setLogId(null);
        setNotice(t('adminSettings.webhooks.deleted', { name }));
        setFocusNotice(true);
      },
    });
  };
  // After the dialog has closed: closing it gives focus back to its opener (the delete button of a row that is
  // going away), and the dialog's own effect runs before this one.
  useEffect(() => {
    if (!focusNotice || deleting) return;
    setFocusNotice(false);
    focusLater(IDS.notice);
  }, [focusNotice, deleting]);

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('adminSettings.webhooks.title')} intro={t('adminSettings.webhooks.intro')}>
        <BackToSettings />
      </PageIntro>

      {created ? (
        <CreatedSecretNotice
          webhook={created}
          onDismiss={() => {
            setCreated(null);
            focusLater(IDS.createButton);
          }}
        />
      ) : null}
      {shownNotice ? <Notice id={IDS.notice}>{shownNotice}</Notice> : null}

      <CreateButton editor={editor}>{t('adminSettings.webhooks.createOpen')}</CreateButton>
      {editor.isOpen ? (
        <WebhookForm
          key={editor.formKey}
          webhook={editor.editing}
          {...editor.formProps}
          onCreated={(webhook) => {
            setNotice(null);
            editor.formProps.onCancel();
            setCreated(webhook);
            focusLater(CREATED_WEBHOOK_HEADING);
          }}
          onDone={(webhook) => {
            setNotice(null);
            editor.done(t('adminSettings.webhooks.updated', { name: webhook.name }));
          }}
        />
      ) : null}

      <QueryList query={webhooks} empty={t('adminSettings.webhooks.empty')}>
        {(items) => (
          <WebhooksTable
            webhooks={items}
            onEdit={(webhook) => {
              setNotice(null);
              editor.openEdit(webhook);
            }}
            onLog={(webhook) => {
              setLogId(webhook.id);
              focusLater(DELIVERY_LOG_HEADING);
            }}
            onDelete={(webhook) => {
              remove.reset();
              setDeleting(webhook);
            }}
          />
        )}
      </QueryList>

      {logFor ? <DeliveryLog key={logFor.id} webhook={logFor} onClose={() => setLogId(null)} /> : null}

      <ConfirmDialog
        open={deleting !== null}
        title={t('adminSettings.webhooks.deleteItem', { name: deleting?.name ?? '' })}
        confirmLabel={t('adminSettings.webhooks.deleteYes')}
        cancelLabel={t('common.cancel')}
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <Paragraph>{t('adminSettings.webhooks.deleteConfirm', { name: deleting?.name ?? '' })}</Paragraph>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}

interface WebhooksTableProps {
  webhooks: Webhook[];
  onEdit: (webhook: Webhook) => void;
  onLog: (webhook: Webhook) => void;
  onDelete: (webhook: Webhook) => void;
}

function WebhooksTable({ webhooks, onEdit, onLog, onDelete }: WebhooksTableProps) {
  const { t } = useTranslation();
  const events = (webhook: Webhook) =>
    webhook.eventTypes.length === 0
      ? t('adminSettings.webhooks.allEvents')
      : CASE_EVENT_TYPES.filter((type) => webhook.eventTypes.includes(eventTypeName(type)))
          .map((type) => t(`adminSettings.webhooks.events.${type}`))
          .join(', ');
  return (
    <Table caption={t('adminSettings.webhooks.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('adminSettings.webhooks.name')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.webhooks.url')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.webhooks.eventTypes')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.webhooks.state')}</TableHeaderCell>
          <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {webhooks.map((webhook) => (
          <TableRow key={webhook.id}>
            <TableHeaderCell scope="row">{webhook.name}</TableHeaderCell>
            <TableCell className="vd-break">
              <Code>{webhook.url}</Code>
            </TableCell>
            <TableCell>{events(webhook)}</TableCell>
            <TableCell>
              <StatusBadge status={webhook.active ? 'active' : 'inactive'}>
                {webhook.active
                  ? t('adminSettings.webhooks.isActive')
                  : t('adminSettings.webhooks.isInactive')}
              </StatusBadge>
            </TableCell>
            <TableCell>
              <ButtonGroup>
                <Button
                  appearance="subtle-button"
                  aria-label={t('common.editItem', { name: webhook.name })}
                  onClick={() => onEdit(webhook)}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  appearance="subtle-button"
                  aria-label={t('adminSettings.webhooks.logItem', { name: webhook.name })}
                  onClick={() => onLog(webhook)}
                >
                  {t('adminSettings.webhooks.log')}
                </Button>
                <Button
                  appearance="subtle-button"
                  hint="danger"
                  aria-label={t('adminSettings.webhooks.deleteItem', { name: webhook.name })}
                  onClick={() => onDelete(webhook)}
                >
                  {t('common.remove')}
                </Button>
              </ButtonGroup>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
