import type { CatalogueItemDefinition } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Section } from '../../ui/Section.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useCatalogueFormat } from '../catalogue/index.ts';

/** The workflow, read-only: the statuses in order with what they mean, and where each may go next. */
export function WorkflowView({ definition }: { definition: CatalogueItemDefinition }) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const { statuses, transitions } = definition.handling;
  const yes = (on: boolean) => (on ? t('common.yes') : t('common.no'));
  return (
    <Section headingId="cat-workflow-view-heading" title={t('catalogueAdmin.workflow.title')}>
      <Table caption={t('catalogueAdmin.workflow.caption')} captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('catalogueAdmin.workflow.label')}</TableHeaderCell>
            <TableHeaderCell>{t('catalogueAdmin.workflow.visibility')}</TableHeaderCell>
            <TableHeaderCell>{t('catalogueAdmin.workflow.publicText')}</TableHeaderCell>
            <TableHeaderCell>{t('catalogueAdmin.workflow.stopsClock')}</TableHeaderCell>
            <TableHeaderCell>{t('catalogueAdmin.workflow.final')}</TableHeaderCell>
            <TableHeaderCell>{t('catalogueAdmin.workflow.next')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {statuses.map((status) => {
            const label = f.local(status.label);
            const text = f.local(status.publicText);
            return (
              <TableRow key={status.key}>
                <TableHeaderCell scope="row">
                  <span lang={label.lang}>{label.text}</span> <span className="vd-muted">({status.key})</span>
                </TableHeaderCell>
                <TableCell>{t(`catalogueAdmin.workflow.${status.visibility}`)}</TableCell>
                <TableCell lang={text.lang}>{text.text}</TableCell>
                <TableCell>{yes(status.stopsClock)}</TableCell>
                <TableCell>{yes(status.final)}</TableCell>
                <TableCell>
                  {transitions
                    .filter((tr) => tr.from === status.key)
                    .map((tr) => tr.to)
                    .join(', ') || '—'}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Section>
  );
}
