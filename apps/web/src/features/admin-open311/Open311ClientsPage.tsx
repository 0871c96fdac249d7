import { Button } from '@utrecht/button-react';
import type { Open311Client, Open311ClientCreated } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Code } from '../../ui/Code.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SecretNotice } from '../../ui/SecretNotice.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useOpen311Clients, useRevokeOpen311Client } from './api.ts';
import { Open311ClientForm } from './Open311ClientForm.tsx';

const NOTICE_ID = 'open311-notice';
const CREATED_ID = 'open311-created';

/**
 * Open311 apps (administrators): where apps connect, the apps let in with their key's last use, a new app's key
 * (shown once), and revoking a key with confirmation.
 */
export function Open311ClientsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('open311Clients.title'));
  const me = useCurrentUser();
  const clients = useOpen311Clients();
  const revoke = useRevokeOpen311Client();
  const [created, setCreated] = useState<Open311ClientCreated | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Open311Client | null>(null);
  const endpoint = `${window.location.origin}/open311/v2`;

  const confirmRevoke = () => {
    if (!revoking) return;
    const name = revoking.name;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        setRevoking(null);
        setNotice(t('open311Clients.revoked', { name }));
        focusLater(NOTICE_ID);
      },
    });
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/admin/settings">
          {t('adminSettings.back')}
        </Link>
      </Paragraph>
      <PageIntro title={t('open311Clients.title')} intro={t('open311Clients.intro')} />

      <Section headingId="open311-connect-heading" title={t('open311Clients.connectTitle')}>
        <Paragraph>{t('open311Clients.connectIntro')}</Paragraph>
        <DataList
          items={[
            { key: 'endpoint', label: t('open311Clients.endpoint'), value: <Code>{endpoint}</Code> },
            {
              key: 'discovery',
              label: t('open311Clients.discovery'),
              value: <Code>{`${endpoint}/discovery.xml?jurisdiction_id=${me.organisation.slug}`}</Code>,
            },
            {
              key: 'jurisdiction',
              label: t('open311Clients.jurisdiction'),
              value: <Code>{me.organisation.slug}</Code>,
            },
          ]}
        />
      </Section>

      {created ? (
        <SecretNotice
          id={CREATED_ID}
          secret={created.apiKey}
          onDismiss={() => {
            setCreated(null);
            focusLater('open311-name');
          }}
          texts={{
            title: t('open311Clients.createdTitle', { name: created.name }),
            hint: t('open311Clients.secretHint'),
            label: t('open311Clients.secretLabel'),
            copy: t('open311Clients.copy'),
            dismiss: t('open311Clients.dismiss'),
            copied: t('open311Clients.copied'),
            copyFailed: t('open311Clients.copyFailed'),
          }}
        />
      ) : null}

      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}

      <QueryList query={clients} empty={t('open311Clients.empty')}>
        {(items) => (
          <ClientsTable
            clients={items}
            onRevoke={(client) => {
              revoke.reset();
              setRevoking(client);
            }}
          />
        )}
      </QueryList>

      <Open311ClientForm
        onCreated={(client) => {
          setNotice(null);
          setCreated(client);
          focusLater(`${CREATED_ID}-heading`);
        }}
      />

      <ConfirmDialog
        open={revoking !== null}
        title={t('open311Clients.revokeItem', { name: revoking?.name ?? '' })}
        confirmLabel={t('open311Clients.revokeYes')}
        cancelLabel={t('common.cancel')}
        busy={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <Paragraph>{t('open311Clients.revokeConfirm', { name: revoking?.name ?? '' })}</Paragraph>
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}

function ClientsTable({
  clients,
  onRevoke,
}: {
  clients: Open311Client[];
  onRevoke: (client: Open311Client) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const optionalDate = (iso: string | null, empty: string) =>
    iso ? <time dateTime={iso}>{format.dateTime(iso)}</time> : empty;

  return (
    <Table caption={t('open311Clients.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('open311Clients.name')}</TableHeaderCell>
          <TableHeaderCell>{t('open311Clients.prefix')}</TableHeaderCell>
          <TableHeaderCell>{t('open311Clients.createdAt')}</TableHeaderCell>
          <TableHeaderCell>{t('open311Clients.lastUsed')}</TableHeaderCell>
          <TableHeaderCell>{t('open311Clients.requests')}</TableHeaderCell>
          <TableHeaderCell>{t('open311Clients.status')}</TableHeaderCell>
          <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {clients.map((client) => (
          <TableRow key={client.id}>
            <TableHeaderCell scope="row">
              {client.name}
              {client.contact ? <span className="vd-muted vd-block">{client.contact}</span> : null}
            </TableHeaderCell>
            <TableCell>
              <Code>{client.prefix}…</Code>
            </TableCell>
            <TableCell>
              {optionalDate(client.createdAt, '')}
              {client.createdBy ? <span className="vd-muted vd-block">{client.createdBy}</span> : null}
            </TableCell>
            <TableCell>{optionalDate(client.lastUsedAt, t('common.never'))}</TableCell>
            <TableCell>{client.requests}</TableCell>
            <TableCell>
              <StatusBadge status={client.revokedAt ? 'inactive' : 'active'}>
                {client.revokedAt ? t('open311Clients.statusRevoked') : t('open311Clients.statusActive')}
              </StatusBadge>
            </TableCell>
            <TableCell>
              {client.revokedAt ? null : (
                <Button
                  appearance="subtle-button"
                  hint="danger"
                  aria-label={t('open311Clients.revokeItem', { name: client.name })}
                  onClick={() => onRevoke(client)}
                >
                  {t('open311Clients.revoke')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
