import { Button } from '@utrecht/button-react';
import type { Team } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/access.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useEditorState } from '../../app/useEditorState.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useTeams } from './api.ts';
import { TeamForm } from './TeamForm.tsx';

const EDITOR_HEADING = 'team-editor-heading';
const CREATE_BUTTON_ID = 'team-create-open';
const NOTICE_ID = 'teams-notice';

/** Teams: everyone with access reads the list; administrators create and edit. */
export function TeamsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('teams.title'));
  const canManage = useCan('manageTeams');
  const teams = useTeams();
  const editor = useEditorState(EDITOR_HEADING, CREATE_BUTTON_ID);
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped by "Reload" after a version conflict: the form starts over from the fresh record.
  const [reloads, setReloads] = useState(0);

  const editId = editor.mode.kind === 'edit' ? editor.mode.id : null;
  const editing = editId ? teams.data?.find((team) => team.id === editId) : undefined;

  const reload = async () => {
    await teams.refetch();
    setReloads((n) => n + 1);
  };
  const done = (message: string) => {
    setNotice(message);
    editor.close(NOTICE_ID);
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <div className="vd-stack">
        <Heading level={1}>{t('teams.title')}</Heading>
        <Paragraph>{t('teams.intro')}</Paragraph>
        {!canManage ? <Paragraph>{t('teams.readOnly')}</Paragraph> : null}
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
            {t('teams.createOpen')}
          </Button>
        </div>
      ) : null}

      {canManage && editor.mode.kind === 'create' ? (
        <TeamForm
          headingId={EDITOR_HEADING}
          onDone={(team) => done(t('teams.created', { name: team.name }))}
          onCancel={() => editor.close()}
          onReload={() => void reload()}
        />
      ) : null}

      {canManage && editing ? (
        <TeamForm
          key={`${editing.id}:${reloads}`}
          team={editing}
          headingId={EDITOR_HEADING}
          onDone={(team) => done(t('teams.updated', { name: team.name }))}
          onCancel={() => editor.close()}
          onReload={() => void reload()}
        />
      ) : null}

      <div className="vd-stack">
        {teams.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {teams.isError ? <ErrorAlert error={teams.error} /> : null}
        {teams.data && teams.data.length === 0 ? <Paragraph>{t('teams.empty')}</Paragraph> : null}
        {teams.data && teams.data.length > 0 ? (
          <TeamsTable
            teams={teams.data}
            canManage={canManage}
            onEdit={(team) => {
              setNotice(null);
              editor.open({ kind: 'edit', id: team.id });
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function TeamsTable({
  teams,
  canManage,
  onEdit,
}: {
  teams: Team[];
  canManage: boolean;
  onEdit: (team: Team) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table caption={t('teams.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('teams.name')}</TableHeaderCell>
          <TableHeaderCell>{t('teams.kind')}</TableHeaderCell>
          <TableHeaderCell>{t('teams.description')}</TableHeaderCell>
          <TableHeaderCell className="utrecht-table__header-cell--numeric-column">
            {t('teams.members')}
          </TableHeaderCell>
          {canManage ? <TableHeaderCell>{t('common.actions')}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {teams.map((team) => (
          <TableRow key={team.id}>
            <TableHeaderCell scope="row">{team.name}</TableHeaderCell>
            <TableCell>{t(`teamKinds.${team.kind}`)}</TableCell>
            <TableCell>{team.description}</TableCell>
            <TableCell className="utrecht-table__cell--numeric-data">{team.memberCount}</TableCell>
            {canManage ? (
              <TableCell>
                <Button
                  appearance="subtle-button"
                  aria-label={t('common.editItem', { name: team.name })}
                  onClick={() => onEdit(team)}
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
