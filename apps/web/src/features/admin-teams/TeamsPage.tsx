import type { Team } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/access.ts';
import { CreateButton } from '../../lib/CreateButton.tsx';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useListEditor } from '../../lib/useListEditor.ts';
import { EditCell } from '../../ui/EditCell.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useTeams } from './api.ts';
import { TeamForm } from './TeamForm.tsx';

const IDS = { heading: 'team-editor-heading', createButton: 'team-create-open', notice: 'teams-notice' };

/** Teams: everyone with access reads the list; administrators create and edit. */
export function TeamsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('teams.title'));
  const canManage = useCan('manageTeams');
  const teams = useTeams();
  const editor = useListEditor(IDS, teams.data, () => teams.refetch());

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('teams.title')} intro={t('teams.intro')}>
        {!canManage ? <Paragraph>{t('teams.readOnly')}</Paragraph> : null}
      </PageIntro>

      {editor.notice ? <Notice id={IDS.notice}>{editor.notice}</Notice> : null}

      {canManage ? <CreateButton editor={editor}>{t('teams.createOpen')}</CreateButton> : null}

      {canManage && editor.isOpen ? (
        <TeamForm
          key={editor.formKey}
          team={editor.editing}
          {...editor.formProps}
          onDone={(team) =>
            editor.done(t(editor.editing ? 'teams.updated' : 'teams.created', { name: team.name }))
          }
        />
      ) : null}

      <QueryList query={teams} empty={t('teams.empty')}>
        {(items) => <TeamsTable teams={items} onEdit={canManage ? editor.openEdit : undefined} />}
      </QueryList>
    </div>
  );
}

/** The teams; with `onEdit` (administrators) every row has an edit button. */
function TeamsTable({ teams, onEdit }: { teams: Team[]; onEdit?: ((team: Team) => void) | undefined }) {
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
          {onEdit ? <TableHeaderCell>{t('common.actions')}</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {teams.map((team) => (
          <TableRow key={team.id}>
            <TableHeaderCell scope="row">{team.name}</TableHeaderCell>
            <TableCell>{t(`teamKinds.${team.kind}`)}</TableCell>
            <TableCell>{team.description}</TableCell>
            <TableCell className="utrecht-table__cell--numeric-data">{team.memberCount}</TableCell>
            {onEdit ? <EditCell name={team.name} onEdit={() => onEdit(team)} /> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
