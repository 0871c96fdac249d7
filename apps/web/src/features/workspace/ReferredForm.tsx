import { Button } from '@utrecht/button-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { TextField } from '../../ui/TextField.tsx';

export const REFERRED_ID = 'workspace-referred-to';

export interface ReferredFormProps {
  referredTo: string;
  onChange: (referredTo: string) => void;
  /** Left empty on the last submit. */
  missing: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * Where the person was referred to, as the contact's outcome. What is typed lives in the workspace's state, so
 * it is still there after a look back at the search.
 */
export function ReferredForm({ referredTo, onChange, missing, onSubmit, onCancel }: ReferredFormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="vd-form vd-stack" noValidate onSubmit={submit}>
      <Heading level={3}>{t('workspace.referredTitle')}</Heading>
      <TextField
        id={REFERRED_ID}
        label={t('workspace.referredTo')}
        value={referredTo}
        onChange={(event) => onChange(event.target.value)}
        error={missing ? t('validation.required') : undefined}
        maxLength={200}
        autoComplete="off"
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('workspace.referredSubmit')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {t('workspace.backToSearch')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
