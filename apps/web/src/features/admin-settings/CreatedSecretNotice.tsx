import { Button } from '@utrecht/button-react';
import { Textbox } from '@utrecht/textbox-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import type { CreatedWebhook } from './api.ts';

export const CREATED_WEBHOOK_HEADING = 'created-webhook-heading';

/**
 * The signing secret of a new webhook, shown once: in a read-only field (easy to select), with a copy button and
 * the warning that it will not be shown again. The receiving system checks the webhook-signature header with it.
 */
export function CreatedSecretNotice({
  webhook,
  onDismiss,
}: {
  webhook: CreatedWebhook;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(webhook.secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Alert type="ok">
      <div className="vd-stack">
        <h2 id={CREATED_WEBHOOK_HEADING} className="utrecht-heading-3" tabIndex={-1}>
          {t('adminSettings.webhooks.createdTitle', { name: webhook.name })}
        </h2>
        <Paragraph>
          <strong>{t('adminSettings.webhooks.secretHint')}</strong>
        </Paragraph>
        <div className="vd-field">
          <label htmlFor="created-webhook-secret" className="utrecht-form-label">
            {t('adminSettings.webhooks.secretLabel')}
          </label>
          <Textbox
            id="created-webhook-secret"
            readOnly
            value={webhook.secret}
            className="vd-secret"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => void onCopy()}>
            {t('adminSettings.webhooks.copy')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onDismiss}>
            {t('adminSettings.webhooks.dismiss')}
          </Button>
        </ButtonGroup>
        <p className="utrecht-paragraph" role="status">
          {copy === 'copied'
            ? t('adminSettings.webhooks.copied')
            : copy === 'failed'
              ? t('adminSettings.webhooks.copyFailed')
              : ''}
        </p>
      </div>
    </Alert>
  );
}
