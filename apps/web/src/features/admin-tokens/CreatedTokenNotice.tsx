import { useTranslation } from 'react-i18next';
import { SecretNotice } from '../../ui/SecretNotice.tsx';
import type { CreatedApiToken } from './api.ts';

export const CREATED_TOKEN_HEADING = 'created-token-heading';

/** The secret of a new token, shown once. */
export function CreatedTokenNotice({ token, onDismiss }: { token: CreatedApiToken; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <SecretNotice
      id="created-token"
      secret={token.token}
      onDismiss={onDismiss}
      texts={{
        title: t('tokens.createdTitle', { name: token.name }),
        hint: t('tokens.secretHint'),
        label: t('tokens.secretLabel'),
        copy: t('tokens.copy'),
        dismiss: t('tokens.dismiss'),
        copied: t('tokens.copied'),
        copyFailed: t('tokens.copyFailed'),
      }}
    />
  );
}
