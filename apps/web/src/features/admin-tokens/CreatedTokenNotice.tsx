import { Button } from '@utrecht/button-react';
import { Textbox } from '@utrecht/textbox-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import type { CreatedApiToken } from './api.ts';

export const CREATED_TOKEN_HEADING = 'created-token-heading';

/**
 * The secret of a new token, shown once: in a read-only field (easy to select), with a copy
 * button and the warning that it will not be shown again.
 */
export function CreatedTokenNotice({ token, onDismiss }: { token: CreatedApiToken; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Alert type="ok">
      <div className="vd-stack">
        <h2 id={CREATED_TOKEN_HEADING} className="utrecht-heading-3" tabIndex={-1}>
          {t('tokens.createdTitle', { name: token.name })}
        </h2>
        <Paragraph>
          <strong>{t('tokens.secretHint')}</strong>
        </Paragraph>
        <div className="vd-field">
          <label htmlFor="created-token-secret" className="utrecht-form-label">
            {t('tokens.secretLabel')}
          </label>
          <Textbox
            id="created-token-secret"
            readOnly
            value={token.token}
            className="vd-secret"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => void onCopy()}>
            {t('tokens.copy')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onDismiss}>
            {t('tokens.dismiss')}
          </Button>
        </ButtonGroup>
        <p className="utrecht-paragraph" role="status">
          {copy === 'copied' ? t('tokens.copied') : copy === 'failed' ? t('tokens.copyFailed') : ''}
        </p>
      </div>
    </Alert>
  );
}
