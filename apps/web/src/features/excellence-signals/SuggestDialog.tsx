import { Button } from '@utrecht/button-react';
import { SIGNAL_LIMITS, staffSuggestionBodySchema } from '@voordeur/shared';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { useSuggest } from './api.ts';

/**
 * The staff suggestion dialog (native modal `<dialog>`: focus stays inside, Escape closes it, focus returns to
 * the button). Sends the text with the current page's path — never its query string, which may hold a name.
 */
export function SuggestDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { pathname } = useLocation();
  const suggest = useSuggest();
  const form = useForm({ text: '' }, { text: { id: 'suggest-text', label: t('suggest.label') } });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    suggest.reset();
    form.reset();
    onClose();
  };

  const onSubmit = form.submit(() => {
    const data = form.validate(
      staffSuggestionBodySchema.safeParse({
        text: form.values.text,
        page: pathname.slice(0, SIGNAL_LIMITS.pageMax),
      }),
    );
    if (data) suggest.mutate(data, { onError: form.onError });
  });

  return (
    <dialog
      ref={ref}
      className="vd-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div className="vd-stack">
        <h2 id={titleId} className="utrecht-heading-3">
          {suggest.isSuccess ? t('suggest.sentTitle') : t('suggest.title')}
        </h2>
        {suggest.isSuccess ? (
          <>
            <Paragraph>{t('suggest.sent')}</Paragraph>
            <Paragraph>{t('suggest.next')}</Paragraph>
            <ButtonGroup>
              <Button appearance="primary-action-button" onClick={close}>
                {t('suggest.close')}
              </Button>
            </ButtonGroup>
          </>
        ) : (
          <>
            <Paragraph>{t('suggest.intro')}</Paragraph>
            <FormErrorAlert form={form} error={suggest.error} />
            <form className="vd-form" onSubmit={onSubmit} noValidate>
              <TextareaField
                {...form.field('text')}
                rows={5}
                maxLength={SIGNAL_LIMITS.textMax}
                description={t('suggest.hint', { min: SIGNAL_LIMITS.textMin })}
                required
              />
              <ButtonGroup>
                <SubmitButton busy={suggest.isPending}>{t('suggest.send')}</SubmitButton>
                <Button appearance="secondary-action-button" onClick={close}>
                  {t('suggest.cancel')}
                </Button>
              </ButtonGroup>
            </form>
          </>
        )}
      </div>
    </dialog>
  );
}
