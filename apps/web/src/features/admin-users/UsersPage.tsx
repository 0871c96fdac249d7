import type { User } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { CreateButton } from '../../lib/CreateButton.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useListEditor } from '../../lib/useListEditor.ts';
import { EditCell } from '../../ui/EditCell.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useTeams } from '../admin-teams/index.ts';
import { useUsers } from './api.ts';
import { UserForm } from './UserForm.tsx';

const IDS = { heading: 'user-editor-heading', createButton: 'user-create-open', notice: 'users-notice' };

/** Users: administrators, team leads and managers see the list; administrators create and edit. */
export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const canManage = useCan('manageUsers');
  const users = useUsers();
  const teams = useTeams(canManage);
  const editor = useListEditor(IDS, users.data, () => Promise.all([users.refetch(), teams.refetch()]));

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('users.title')} intro={t('users.intro')}>
        {!canManage ? <Paragraph>{t('users.readOnly')}</Paragraph> : null}
      </PageIntro>

      {editor.notice ? <Notice id={IDS.notice}>{editor.notice}</Notice> : null}

      {canManage ? <CreateButton editor={editor}>{t('users.createOpen')}</CreateButton> : null}

      {canManage && editor.mode !== 'closed' && teams.isError ? <ErrorAlert error={teams.error} /> : null}

      {canManage && editor.isOpen && teams.data ? (
        <UserForm
          key={editor.formKey}
          user={editor.editing}
          teams={teams.data}
          {...editor.formProps}
          onDone={(user) =>
            editor.done(t(editor.editing ? 'users.updated' : 'users.created', { name: user.name }))
          }
        />
      ) : null}

      <QueryList query={users} empty={t('users.empty')}>
        {(items) => <UsersTable users={items} onEdit={canManage ? editor.openEdit : undefined} />}
      </QueryList>
    </div>
  );
}

/** The users; with `onEdit` (administrators) every row has an edit button. */
function UsersTable({ users, onEdit }: { users: User[]; onEdit?: ((user: User) => void) | undefined }) {
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
          {onEdit ? <TableHeaderCell>{t('common.actions')}</TableHeaderCell> : null}
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
            {onEdit ? <EditCell name={user.name} onEdit={() => onEdit(user)} /> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
