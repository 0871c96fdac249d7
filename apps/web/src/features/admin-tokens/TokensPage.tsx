import { Button } from '@utrecht/button-react';
import type { ApiToken } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Code } from '../../ui/Code.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { type CreatedApiToken, useRevokeToken, useTokens } from './api.ts';
import { CREATED_TOKEN_HEADING, CreatedTokenNotice } from './CreatedTokenNotice.tsx';
import { TokenCreateForm } from './TokenCreateForm.tsx';

const NOTICE_ID = 'tokens-notice';

type TokenStatus = 'active' | 'revoked' | 'expired';

function tokenStatus(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** API tokens (administrators): list, create (secret shown once), revoke with confirmation. */
export function TokensPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tokens.title'));
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const onCreated = (token: CreatedApiToken) => {
    setNotice(null);
    setCreated(token);
    focusLater(CREATED_TOKEN_HEADING);
  };

  const confirmRevoke = () => {
    if (!revoking) return;
    const name = revoking.name;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        setRevoking(null);
        setNotice(t('tokens.revoked', { name }));
        focusLater(NOTICE_ID);
      },
    });
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('tokens.title')} intro={t('tokens.intro')} />

      {created ? (
        <CreatedTokenNotice
          token={created}
          onDismiss={() => {
            setCreated(null);
            focusLater('token-name');
          }}
        />
      ) : null}

      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}

      <QueryList query={tokens} empty={t('tokens.empty')}>
        {(items) => (
          <TokensTable
            tokens={items}
            onRevoke={(token) => {
              revoke.reset();
              setRevoking(token);
            }}
          />
        )}
      </QueryList>

      <TokenCreateForm onCreated={onCreated} />

      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeItem', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revokeYes')}
        cancelLabel={t('common.cancel')}
        busy={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <Paragraph>{t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}</Paragraph>
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}

function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = Date.now();
  const statusLabel = {
    active: t('tokens.statusActive'),
    revoked: t('tokens.statusRevoked'),
    expired: t('tokens.statusExpired'),
  };
  const optionalDate = (iso: string | null, empty: string) =>
    iso ? <time dateTime={iso}>{format.dateTime(iso)}</time> : empty;

  return (
    <Table caption={t('tokens.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('tokens.name')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.role')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.prefix')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.createdAt')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.expiresAt')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.lastUsed')}</TableHeaderCell>
          <TableHeaderCell>{t('tokens.status')}</TableHeaderCell>
          <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((token) => {
          const status = tokenStatus(token, now);
          return (
            <TableRow key={token.id}>
              <TableHeaderCell scope="row">{token.name}</TableHeaderCell>
              <TableCell>{t(`roles.${token.role}`)}</TableCell>
              <TableCell>
                <Code>{token.prefix}…</Code>
              </TableCell>
              <TableCell>
                {optionalDate(token.createdAt, '')}
                {token.createdBy ? <span className="vd-muted vd-block">{token.createdBy}</span> : null}
              </TableCell>
              <TableCell>{optionalDate(token.expiresAt, t('tokens.noExpiry'))}</TableCell>
              <TableCell>{optionalDate(token.lastUsedAt, t('common.never'))}</TableCell>
              <TableCell>
                <StatusBadge status={status === 'active' ? 'active' : 'inactive'}>
                  {statusLabel[status]}
                </StatusBadge>
              </TableCell>
              <TableCell>
                {status === 'active' ? (
                  <Button
                    appearance="subtle-button"
                    hint="danger"
                    aria-label={t('tokens.revokeItem', { name: token.name })}
                    onClick={() => onRevoke(token)}
                  >
                    {t('tokens.revoke')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
