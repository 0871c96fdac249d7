import { ATTACHMENT_TYPES, CASE_LIMITS, type Case } from '@voordeur/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { caseFieldErrors } from './actionKit.tsx';
import { attachmentUrl, useUploadAttachment } from './api.ts';
import { CaseTime } from './CaseTime.tsx';
import { useCaseFormat } from './format.ts';

const FILE_ID = 'case-attachment-file';

/** Photos and PDFs of the case: download each; add one (checked by its content on the server). */
export function Attachments({ current, canAdd }: { current: Case; canAdd: boolean }) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const upload = useUploadAttachment(current);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t('cases.attachments.choose'));
      input.current?.focus();
      return;
    }
    if (file.size > CASE_LIMITS.attachmentMaxBytes) {
      setError(t('cases.attachments.tooLarge', { max: CASE_LIMITS.attachmentMaxBytes / 1024 / 1024 }));
      input.current?.focus();
      return;
    }
    setError(undefined);
    upload.mutate(file, {
      onSuccess: () => {
        if (input.current) input.current.value = '';
        setDone(t('cases.attachments.added', { name: file.name }));
      },
      onError: (failure) => {
        if (isApiError(failure) && failure.code === 'attachment_rejected')
          setError(t('cases.attachments.rejected'));
        else if (isApiError(failure) && failure.code === 'attachment_too_large')
          setError(t('cases.attachments.tooLarge', { max: CASE_LIMITS.attachmentMaxBytes / 1024 / 1024 }));
        else setError(caseFieldErrors(failure, t).file);
      },
    });
  };

  return (
    <Section headingId="case-attachments" title={t('cases.attachments.title')} panel>
      {current.attachments.length === 0 ? (
        <Paragraph className="vd-muted">{t('cases.attachments.none')}</Paragraph>
      ) : (
        <ul className="vd-plain-list vd-compact-list">
          {current.attachments.map((a) => (
            <li key={a.id}>
              <a
                className="utrecht-link utrecht-link--html-a vd-break"
                href={attachmentUrl(current.id, a.id)}
                download={a.fileName}
              >
                {a.fileName}
              </a>
              <span className="vd-block vd-muted vd-small">
                {f.size(a.size)} · {a.by} · <CaseTime iso={a.at} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <form className="vd-stack" noValidate onSubmit={submit} aria-labelledby="case-attachments">
          {done ? <Notice>{done}</Notice> : null}
          {upload.isError && !error ? <ErrorAlert key={attempt} error={upload.error} /> : null}
          <Field
            id={FILE_ID}
            label={t('cases.attachments.file')}
            description={t('cases.attachments.hint', {
              max: CASE_LIMITS.attachmentMaxBytes / 1024 / 1024,
            })}
            error={error}
          >
            {(control) => (
              <input
                ref={input}
                type="file"
                id={control.id}
                aria-describedby={control['aria-describedby']}
                aria-invalid={control.invalid || undefined}
                accept={ATTACHMENT_TYPES.join(',')}
                className="vd-file"
              />
            )}
          </Field>
          <div>
            <SubmitButton busy={upload.isPending}>{t('cases.attachments.upload')}</SubmitButton>
          </div>
        </form>
      ) : null}
    </Section>
  );
}
