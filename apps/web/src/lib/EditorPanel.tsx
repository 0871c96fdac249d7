import { Button } from '@utrecht/button-react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { ButtonGroup } from '../ui/ButtonGroup.tsx';
import { cx } from '../ui/cx.ts';
import { Section } from '../ui/Section.tsx';
import { SubmitButton } from '../ui/SubmitButton.tsx';
import { FormErrorAlert } from './FormErrorAlert.tsx';
import type { FormStatus } from './useForm.ts';

export interface EditorPanelProps {
  headingId: string;
  title: string;
  /** The form's state (from useForm). */
  form: FormStatus;
  /** The save request. */
  mutation: { error: unknown; isPending: boolean };
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  onCancel: () => void;
  /** Offered after a version conflict: fetch the record again and start over. */
  onReload: () => void;
  /** More buttons after the submit button (another action on the same form). */
  actions?: ReactNode;
  /** A form wider than the usual column (rows of fields side by side). */
  wide?: boolean;
  /** The fields. */
  children: ReactNode;
}

/** Id of the panel's error alert, for moving focus to it. */
export const editorErrorsId = (headingId: string) => `${headingId}-errors`;

/**
 * The create-or-edit panel of a list page: a focusable heading, the error alert (with "Reload"
 * after a version conflict), the form with its fields, save and cancel.
 */
export function EditorPanel({
  headingId,
  title,
  form,
  mutation,
  onSubmit,
  submitLabel,
  onCancel,
  onReload,
  actions,
  wide = false,
  children,
}: EditorPanelProps) {
  const { t } = useTranslation();
  const conflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';
  return (
    <Section headingId={headingId} title={title} panel focusHeading>
      <FormErrorAlert form={form} error={mutation.error} id={editorErrorsId(headingId)} />
      {conflict ? (
        <div>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </div>
      ) : null}
      <form className={cx('vd-form', wide && 'vd-form--wide')} onSubmit={onSubmit} noValidate>
        {children}
        <ButtonGroup>
          <SubmitButton busy={mutation.isPending}>{submitLabel}</SubmitButton>
          {actions}
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}
