import { Button } from '@utrecht/button-react';
import { Textbox } from '@utrecht/textbox-react';
import { useState } from 'react';
import { Alert } from './Alert.tsx';
import { ButtonGroup } from './ButtonGroup.tsx';
import { Paragraph } from './Paragraph.tsx';

export interface SecretNoticeTexts {
  title: string;
  /** The warning that the secret is not shown again. */
  hint: string;
  label: string;
  copy: string;
  dismiss: string;
  copied: string;
  copyFailed: string;
}

/**
 * A secret shown once (an API token, a webhook's signing secret): in a read-only field (easy to select), with a
 * copy button and the warning that it will not be shown again. The heading has `${id}-heading` for focus.
 */
export function SecretNotice({
  id,
  secret,
  texts,
  onDismiss,
}: {
  id: string;
  secret: string;
  texts: SecretNoticeTexts;
  onDismiss: () => void;
}) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Alert type="ok">
      <div className="vd-stack">
        <h2 id={`${id}-heading`} className="utrecht-heading-3" tabIndex={-1}>
          {texts.title}
        </h2>
        <Paragraph>
          <strong>{texts.hint}</strong>
        </Paragraph>
        <div className="vd-field">
          <label htmlFor={`${id}-secret`} className="utrecht-form-label">
            {texts.label}
          </label>
          <Textbox
            id={`${id}-secret`}
            readOnly
            value={secret}
            className="vd-secret"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => void onCopy()}>
            {texts.copy}
          </Button>
          <Button appearance="secondary-action-button" onClick={onDismiss}>
            {texts.dismiss}
          </Button>
        </ButtonGroup>
        <p className="utrecht-paragraph" role="status">
          {copy === 'copied' ? texts.copied : copy === 'failed' ? texts.copyFailed : ''}
        </p>
      </div>
    </Alert>
  );
}
