import { Button } from '@utrecht/button-react';
import type { NotificationPreview } from '@voordeur/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { type PreviewBody, usePreviewMessage } from './api.ts';

export interface MessagePreviewProps {
  /** Prefix of the ids inside (one preview per form). */
  id: string;
  caseId: string;
  /** The preview request for what the form holds now, or why there is nothing to preview yet. */
  request: () => PreviewBody | string;
  /** The form's submit button, shown before "Voorbeeld". */
  children: ReactNode;
}

/**
 * "Voorbeeld": what the person will receive — to whom, how (an email, or a letter by post when no email address
 * is known), the subject and the whole text — before anything is sent. The preview belongs to the text it was
 * made from: once the form changes, it is shown as outdated.
 */
export function MessagePreview({ id, caseId, request, children }: MessagePreviewProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ key: string; preview: NotificationPreview } | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const asked = usePreviewMessage(caseId);
  const body = request();
  const key = JSON.stringify(body);
  const regionId = `${id}-preview`;

  const show = () => {
    if (typeof body === 'string') {
      asked.reset();
      setShown(null);
      setHint(body);
      return;
    }
    setHint(null);
    // A failure keeps the last preview on screen (it is marked outdated once the text differs).
    asked.mutate(body, {
      onSuccess: (preview) => {
        setShown({ key, preview });
        focusLater(regionId);
      },
    });
  };

  const preview = shown?.preview;
  const outdated = shown !== null && shown.key !== key;
  return (
    <>
      <ButtonGroup>
        {children}
        <Button
          appearance="secondary-action-button"
          onClick={show}
          busy={asked.isPending}
          disabled={asked.isPending}
        >
          {t('cases.preview.button')}
        </Button>
      </ButtonGroup>
      {hint ? <Notice type="warning">{hint}</Notice> : null}
      {asked.error ? <ErrorAlert error={asked.error} /> : null}
      {preview ? (
        <section id={regionId} tabIndex={-1} className="vd-preview" aria-labelledby={`${regionId}-title`}>
          <h4 id={`${regionId}-title`} className="utrecht-heading-4 vd-preview__title">
            {t('cases.preview.title')}
            {outdated ? <span className="vd-muted"> {t('cases.preview.outdated')}</span> : null}
          </h4>
          {preview.recipients.length === 0 ? (
            <Alert type="warning">
              <Paragraph>
                {preview.note ? t(`cases.preview.note.${preview.note}`) : t('cases.preview.nobody')}
              </Paragraph>
            </Alert>
          ) : (
            <>
              <DataList
                items={[
                  {
                    key: 'to',
                    label: t('cases.preview.to'),
                    value: preview.recipients
                      .map((r) => (r.name ? `${r.name} <${r.address}>` : r.address))
                      .join(', '),
                  },
                  {
                    key: 'channel',
                    label: t('letters.preview.channel'),
                    value: [...new Set(preview.recipients.map((r) => r.channel))]
                      .map((channel) => t(`letters.preview.${channel}`))
                      .join('; '),
                  },
                  { key: 'subject', label: t('cases.preview.subject'), value: preview.subject },
                  {
                    key: 'language',
                    label: t('cases.preview.language'),
                    value: t(`language.${preview.language}`),
                  },
                ]}
              />
              <div className="vd-letter" lang={preview.language}>
                {preview.body}
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
