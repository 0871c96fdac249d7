import {
  AUDIENCES,
  type Audience,
  type CatalogueItemSummary,
  ITEM_KINDS,
  type ItemKind,
  PUBLICATION_STATES,
  type PublicationState,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { CreateButton } from '../../lib/CreateButton.tsx';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useListEditor } from '../../lib/useListEditor.ts';
import { Code } from '../../ui/Code.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { foldText, useCatalogueFormat, useCatalogueItems } from '../catalogue/index.ts';
import { CreateItemForm } from './CreateItemForm.tsx';
import { StateBadges } from './ItemBadges.tsx';

const IDS = { heading: 'cat-create-heading', createButton: 'cat-create-open', notice: 'cat-notice' };

/**
 * The catalogue for administrators (who also create items here) and, read-only, for managers and
 * quality officers: every item with its kind, audience, state, norm and whether a draft waits.
 */
export function CatalogueListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalogueAdmin.title'));
  const navigate = useNavigate();
  const canManage = useCan('manageCatalogue');
  const [audience, setAudience] = useState<Audience | ''>('');
  const [kind, setKind] = useState<ItemKind | ''>('');
  const [state, setState] = useState<PublicationState | ''>('');
  const [text, setText] = useState('');
  const items = useCatalogueItems({ audience, kind, state });
  const editor = useListEditor(IDS, items.data, () => items.refetch());
  const f = useCatalogueFormat();

  const words = foldText(text).split(/\s+/).filter(Boolean);
  const shown = items.data?.filter((item) => {
    const haystack = foldText(`${item.code} ${item.name.nl} ${item.name.en ?? ''} ${item.team ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('catalogueAdmin.title')} intro={t('catalogueAdmin.intro')}>
        {!canManage ? <Paragraph>{t('catalogueAdmin.readOnlyList')}</Paragraph> : null}
      </PageIntro>

      {canManage ? <CreateButton editor={editor}>{t('catalogueAdmin.createOpen')}</CreateButton> : null}
      {canManage && editor.isOpen ? (
        <CreateItemForm
          {...editor.formProps}
          onDone={(item) =>
            navigate(`/admin/catalogue/${encodeURIComponent(item.code)}`, { state: { created: true } })
          }
        />
      ) : null}

      <Section headingId="cat-filters-heading" title={t('catalogueAdmin.filtersTitle')} panel>
        <div className="vd-filters__grid">
          <TextField
            id="cat-filter-text"
            label={t('catalogueAdmin.filterText')}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
          />
          <SelectField
            id="cat-filter-kind"
            label={t('catalogueAdmin.fields.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as ItemKind | '')}
            emptyOption={t('search.all')}
            options={ITEM_KINDS.map((value) => ({ value, label: t(`catalogue.kind.${value}`) }))}
          />
          <SelectField
            id="cat-filter-audience"
            label={t('catalogueAdmin.fields.audience')}
            value={audience}
            onChange={(event) => setAudience(event.target.value as Audience | '')}
            emptyOption={t('search.all')}
            options={AUDIENCES.map((value) => ({ value, label: t(`catalogue.audience.${value}`) }))}
          />
          <SelectField
            id="cat-filter-state"
            label={t('catalogueAdmin.fields.state')}
            value={state}
            onChange={(event) => setState(event.target.value as PublicationState | '')}
            emptyOption={t('search.all')}
            options={PUBLICATION_STATES.map((value) => ({ value, label: t(`catalogue.state.${value}`) }))}
          />
        </div>
      </Section>

      <Paragraph role="status">{shown ? t('catalogueAdmin.count', { count: shown.length }) : ''}</Paragraph>
      <QueryList query={{ ...items, data: shown }} empty={t('catalogueAdmin.empty')}>
        {(rows) => <CatalogueTable items={rows} format={f} />}
      </QueryList>
    </div>
  );
}

function CatalogueTable({
  items,
  format: f,
}: {
  items: CatalogueItemSummary[];
  format: ReturnType<typeof useCatalogueFormat>;
}) {
  const { t } = useTranslation();
  return (
    <Table caption={t('catalogueAdmin.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('catalogueAdmin.nameAndCode')}</TableHeaderCell>
          <TableHeaderCell>{t('catalogueAdmin.fields.kind')}</TableHeaderCell>
          <TableHeaderCell>{t('catalogueAdmin.fields.audience')}</TableHeaderCell>
          <TableHeaderCell>{t('catalogueAdmin.fields.state')}</TableHeaderCell>
          <TableHeaderCell>{t('catalogue.serviceNorm')}</TableHeaderCell>
          <TableHeaderCell>{t('catalogueAdmin.fields.team')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => {
          const name = f.local(item.name);
          return (
            <TableRow key={item.id}>
              <TableHeaderCell scope="row">
                <Link
                  className="utrecht-link utrecht-link--html-a"
                  to={`/admin/catalogue/${encodeURIComponent(item.code)}`}
                  lang={name.lang}
                >
                  {name.text}
                </Link>
                <span className="vd-block vd-muted">
                  <Code>{item.code}</Code>
                </span>
              </TableHeaderCell>
              <TableCell>{t(`catalogue.kind.${item.kind}`)}</TableCell>
              <TableCell>{t(`catalogue.audience.${item.audience}`)}</TableCell>
              <TableCell>
                <StateBadges state={item.state} hasDraft={item.hasDraft} />
              </TableCell>
              <TableCell>{f.norm(item.serviceNorm)}</TableCell>
              <TableCell>{item.team ?? '—'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
