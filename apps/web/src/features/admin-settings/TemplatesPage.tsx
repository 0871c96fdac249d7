import type { MessageTemplate } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../lib/CreateButton.tsx';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useListEditor } from '../../lib/useListEditor.ts';
import { Code } from '../../ui/Code.tsx';
import { EditCell } from '../../ui/EditCell.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useTemplates } from './api.ts';
import { BackToSettings } from './SettingsPage.tsx';
import { TemplateForm, type TemplateRow } from './TemplateForm.tsx';

const IDS = {
  heading: 'template-editor-heading',
  createButton: 'template-create-open',
  notice: 'templates-notice',
};
const rows = (templates: MessageTemplate[] | undefined): TemplateRow[] | undefined =>
  templates?.map((template) => ({ ...template, id: template.key }));

/**
 * The messages residents receive (team leads, administrators): the standard texts with the organisation's own
 * versions over them, in Dutch and English. Change one, or add one that workers can pick when writing. The API
 * keeps every template (there is no delete): a standard text changed stays the organisation's own version.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminSettings.templates.title'));
  const templates = useTemplates();
  const items = rows(templates.data);
  const editor = useListEditor(IDS, items, () => templates.refetch());

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('adminSettings.templates.title')} intro={t('adminSettings.templates.intro')}>
        <Paragraph>{t('adminSettings.templates.noDelete')}</Paragraph>
        <BackToSettings />
      </PageIntro>
      {editor.notice ? <Notice id={IDS.notice}>{editor.notice}</Notice> : null}
      <CreateButton editor={editor}>{t('adminSettings.templates.createOpen')}</CreateButton>
      {editor.isOpen ? (
        <TemplateForm
          key={editor.formKey}
          template={editor.editing}
          {...editor.formProps}
          onDone={(template) => editor.done(t('adminSettings.templates.saved', { name: template.name }))}
        />
      ) : null}
      <QueryList query={{ ...templates, data: items }} empty={t('adminSettings.templates.empty')}>
        {(list) => <TemplatesTable templates={list} onEdit={editor.openEdit} />}
      </QueryList>
    </div>
  );
}

function TemplatesTable({
  templates,
  onEdit,
}: {
  templates: TemplateRow[];
  onEdit: (t: TemplateRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Table caption={t('adminSettings.templates.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('adminSettings.templates.name')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.templates.key')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.templates.subject')}</TableHeaderCell>
          <TableHeaderCell>{t('adminSettings.templates.origin')}</TableHeaderCell>
          <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {templates.map((template) => (
          <TableRow key={template.key}>
            <TableHeaderCell scope="row">{template.name}</TableHeaderCell>
            <TableCell>
              <Code>{template.key}</Code>
            </TableCell>
            <TableCell className="vd-break" lang={lang}>
              {template.subject[lang]}
            </TableCell>
            <TableCell>
              <StatusBadge status={template.builtIn ? 'neutral' : 'active'}>
                {template.builtIn ? t('adminSettings.templates.builtIn') : t('adminSettings.templates.own')}
              </StatusBadge>
            </TableCell>
            <EditCell name={template.name} onEdit={() => onEdit(template)} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
