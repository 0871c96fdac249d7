import { useTranslation } from 'react-i18next';
import { SecretNotice } from '../../ui/SecretNotice.tsx';
import type { CreatedWebhook } from './api.ts';

export const CREATED_WEBHOOK_HEADING = 'created-webhook-heading';

/**
 * The signing secret of a new webhook, shown once. The receiving system checks the webhook-signature header with it.
 */
export function CreatedSecretNotice({
  webhook,
  onDismiss,
}: {
  webhook: CreatedWebhook;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SecretNotice
      id="created-webhook"
      secret={webhook.secret}
      onDismiss={onDismiss}
      texts={{
        title: t('adminSettings.webhooks.createdTitle', { name: webhook.name }),
        hint: t('adminSettings.webhooks.secretHint'),
        label: t('adminSettings.webhooks.secretLabel'),
        copy: t('adminSettings.webhooks.copy'),
        dismiss: t('adminSettings.webhooks.dismiss'),
        copied: t('adminSettings.webhooks.copied'),
        copyFailed: t('adminSettings.webhooks.copyFailed'),
      }}
    />
  );
}
