import { ATTACHMENT_TYPES, CASE_LIMITS, type Case } from '@voordeur/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useForm } from '../../lib/useForm.ts';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { attachmentUrl, useUploadAttachment } from './api.ts';
import { attachmentErrors, checkAttachment } from './attachmentErrors.ts';
import { CaseTime } from './CaseTime.tsx';
import { useCaseFormat } from './format.ts';

const FILE_ID = 'case-attachment-file';

/** Photos and PDFs of the case: download each; add one (checked by its content on the server). */
export function Attachments({ current, canAdd }: { current: Case; canAdd: boolean }) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const upload = useUploadAttachment(current);
  const input = useRef<HTMLInputElement>(null);
  const form = useForm({}, { file: { id: FILE_ID, label: t('cases.attachments.file') } });
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = form.submit(() => {
    setDone(null);
    // A new attempt: the last upload's problem is no longer shown.
    upload.reset();
    const file = input.current?.files?.[0];
    if (!form.report(checkAttachment(file, t)) || !file) {
      input.current?.focus();
      return;
    }
    upload.mutate(file, {
      onSuccess: () => {
        if (input.current) input.current.value = '';
        setDone(t('cases.attachments.added', { name: file.name }));
      },
      onError: (failure) => form.report(attachmentErrors(failure, t)),
    });
  });

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
        <form className="vd-stack" noValidate onSubmit={onSubmit} aria-labelledby="case-attachments">
          {done ? <Notice>{done}</Notice> : null}
          {/* A refusal about the file is the field's; the alert then lists it, like any form's field errors. */}
          <FormErrorAlert form={form} error={form.errors.file ? undefined : upload.error} />
          <Field
            id={FILE_ID}
            label={t('cases.attachments.file')}
            description={t('cases.attachments.hint', {
              max: CASE_LIMITS.attachmentMaxBytes / 1024 / 1024,
            })}
            error={form.errors.file}
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
