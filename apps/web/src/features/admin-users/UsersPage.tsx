import { Button } from '@utrecht/button-react';
import type { User } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/access.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useEditorState } from '../../app/useEditorState.ts';
import { useFormat } from '../../i18n/format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useTeams } from '../admin-teams/api.ts';
import { useUsers } from './api.ts';
import { UserForm } from './UserForm.tsx';

const EDITOR_HEADING = 'user-editor-heading';
const CREATE_BUTTON_ID = 'user-create-open';
const NOTICE_ID = 'users-notice';

/** Users: administrators, team leads and managers see the list; administrators create and edit. */
export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const canManage = useCan('manageUsers');
  const users = useUsers();
  const teams = useTeams(canManage);
  const editor = useEditorState(EDITOR_HEADING, CREATE_BUTTON_ID);
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped by "Reload" after a version conflict: the form starts over from the fresh record.
  const [reloads, setReloads] = useState(0);

  const editId = editor.mode.kind === 'edit' ? editor.mode.id : null;
  const editing = editId ? users.data?.find((user) => user.id === editId) : undefined;
  const reload = async () => {
    await Promise.all([users.refetch(), teams.refetch()]);
    setReloads((n) => n + 1);
  };
  const done = (message: string) => {
    setNotice(message);
    editor.close(NOTICE_ID);
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <div className="vd-stack">
        <Heading level={1}>{t('users.title')}</Heading>
        <Paragraph>{t('users.intro')}</Paragraph>
        {!canManage ? <Paragraph>{t('users.readOnly')}</Paragraph> : null}
      </div>

      {notice ? (
        <Alert type="ok" role="status" id={NOTICE_ID} tabIndex={-1}>
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}

      {canManage && editor.mode.kind === 'closed' ? (
        <div>
          <Button
            id={CREATE_BUTTON_ID}
            appearance="primary-action-button"
            onClick={() => {
              setNotice(null);
              editor.open({ kind: 'create' });
            }}
          >
            {t('users.createOpen')}
          </Button>
        </div>
      ) : null}

      {canManage && editor.mode.kind !== 'closed' && teams.isError ? (
        <ErrorAlert error={teams.error} />
      ) : null}

      {canManage && editor.mode.kind === 'create' && teams.data ? (
        <UserForm
          teams={teams.data}
          headingId={EDITOR_HEADING}
          onDone={(user) => done(t('users.created', { name: user.name }))}
          onCancel={() => editor.close()}
          onReload={() => void reload()}
        />
      ) : null}

      {canManage && editing && teams.data ? (
        <UserForm
          key={`${editing.id}:${reloads}`}
          user={editing}
          teams={teams.data}
          headingId={EDITOR_HEADING}
          onDone={(user) => done(t('users.updated', { name: user.name }))}
          onCancel={() => editor.close()}
          onReload={() => void reload()}
        />
      ) : null}

      <div className="vd-stack">
        {users.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {users.isError ? <ErrorAlert error={users.error} /> : null}
        {users.data && users.data.length === 0 ? <Paragraph>{t('users.empty')}</Paragraph> : null}
        {users.data && users.data.length > 0 ? (
          <UsersTable
            users={users.data}
            canManage={canManage}
            onEdit={(user) => {
              setNotice(null);
              editor.open({ kind: 'edit', id: user.id });
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function UsersTable({
  users,
  canManage,
  onEdit,
}: {
  users: User[];
  canManage: boolean;
  onEdit: (user: User) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table caption={t('users.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('users.name')}</TableHeaderCell>
          <TableHeaderCell>{t('users.email')}</TableHeaderCell>
          <TableHeaderCell>{t('users.memberships')}</TableHeaderCell>
          <TableHeaderCell>{t('users.status')}</TableHeaderCell>
          <TableHeaderCell>{t('users.lastLogin')}</TableHeaderCell>
          {canManage ? <TableHeaderCell>{t('common.actions')}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => (
          <TableRow key={user.id}>
            <TableHeaderCell scope="row">{user.name}</TableHeaderCell>
            <TableCell className="vd-break">{user.email}</TableCell>
            <TableCell>
              {user.memberships.length === 0 ? (
                <span className="vd-muted">{t('users.membershipsNone')}</span>
              ) : (
                <ul className="vd-plain-list">
                  {user.memberships.map((m) => (
                    <li key={`${m.teamId}:${m.role}`}>
                      {m.teamName}: {t(`roles.${m.role}`)}
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
            <TableCell>
              <StatusBadge status={user.active ? 'active' : 'inactive'}>
                {user.active ? t('users.statusActive') : t('users.statusInactive')}
              </StatusBadge>
            </TableCell>
            <TableCell>
              {user.lastLoginAt ? (
                <time dateTime={user.lastLoginAt}>{format.dateTime(user.lastLoginAt)}</time>
              ) : (
                t('common.never')
              )}
            </TableCell>
            {canManage ? (
              <TableCell>
                <Button
                  appearance="subtle-button"
                  aria-label={t('common.editItem', { name: user.name })}
                  onClick={() => onEdit(user)}
                >
                  {t('common.edit')}
                </Button>
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
