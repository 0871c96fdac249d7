import { ITEM_KINDS, type ItemKind, type PublicService } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { StatusContent } from '../../lib/StatusContent.tsx';
import { useOrganisationTheme } from '../../lib/theme.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { foldText, useCatalogueFormat, usePublicCatalogue } from '../catalogue/index.ts';

/**
 * "Wat kunt u van ons verwachten": every published service of the organisation for residents and
 * businesses, with its norm in words, its cost and its channels; no sign-in. Grouped by kind, filtered
 * as you type (the count is announced).
 */
export function PublicCataloguePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const catalogue = usePublicCatalogue(slug);
  useOrganisationTheme(slug);
  const f = useCatalogueFormat();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<ItemKind | ''>('');
  const organisation = catalogue.data?.organisation.name;
  useDocumentTitle(
    organisation ? `${t('publicCatalogue.title')} — ${organisation}` : t('publicCatalogue.title'),
  );

  if (catalogue.isError && isApiError(catalogue.error) && catalogue.error.status === 404) {
    return (
      <PublicLayout>
        <StatusContent kind="notFound" showHomeLink={false} />
      </PublicLayout>
    );
  }

  const all = catalogue.data?.items ?? [];
  const words = foldText(text).split(/\s+/).filter(Boolean);
  const matches = (service: PublicService) => {
    if (kind && service.kind !== kind) return false;
    const haystack = foldText(
      [
        service.name.nl,
        service.name.en,
        service.summary.nl,
        service.summary.en,
        t(`catalogue.kind.${service.kind}`),
      ]
        .filter(Boolean)
        .join(' '),
    );
    return words.every((word) => haystack.includes(word));
  };
  const shown = all.filter(matches);
  const groups = ITEM_KINDS.map((k) => ({ kind: k, services: shown.filter((s) => s.kind === k) })).filter(
    (group) => group.services.length > 0,
  );
  const filtered = Boolean(words.length || kind);

  return (
    <PublicLayout wide organisation={organisation}>
      <div className="vd-stack vd-stack--loose">
        <PageIntro
          title={t('publicCatalogue.title')}
          intro={
            organisation ? t('publicCatalogue.intro', { organisation }) : t('publicCatalogue.introPlain')
          }
        />

        {catalogue.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {catalogue.isError ? <ErrorAlert error={catalogue.error} /> : null}

        {catalogue.data ? (
          <search className="vd-stack" aria-label={t('publicCatalogue.filterLabel')}>
            <form className="vd-form vd-filters" noValidate onSubmit={(event) => event.preventDefault()}>
              <div className="vd-filters__grid">
                <TextField
                  id="public-catalogue-filter"
                  label={t('publicCatalogue.filter')}
                  description={t('publicCatalogue.filterHint')}
                  type="search"
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  autoComplete="off"
                />
                <SelectField
                  id="public-catalogue-kind"
                  label={t('publicCatalogue.kind')}
                  value={kind}
                  onChange={(event) => setKind(event.target.value as ItemKind | '')}
                  emptyOption={t('publicCatalogue.allKinds')}
                  options={ITEM_KINDS.map((value) => ({ value, label: t(`catalogue.kindPlural.${value}`) }))}
                />
              </div>
            </form>
            <Paragraph role="status">
              {filtered
                ? t('publicCatalogue.countFiltered', { count: shown.length, total: all.length })
                : t('publicCatalogue.count', { count: all.length })}
            </Paragraph>
          </search>
        ) : null}

        {groups.map((group) => (
          <Section
            key={group.kind}
            headingId={`public-catalogue-${group.kind}`}
            title={t(`catalogue.kindPlural.${group.kind}`)}
          >
            <Table caption={t(`catalogue.kindPlural.${group.kind}`)} captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('publicCatalogue.service')}</TableHeaderCell>
                  <TableHeaderCell>{t('publicCatalogue.summary')}</TableHeaderCell>
                  <TableHeaderCell>{t('publicCatalogue.norm')}</TableHeaderCell>
                  <TableHeaderCell>{t('publicCatalogue.cost')}</TableHeaderCell>
                  <TableHeaderCell>{t('publicCatalogue.channels')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {group.services.map((service) => {
                  const name = f.local(service.name);
                  const summary = f.local(service.summary);
                  const note = f.local(service.costNote);
                  return (
                    <TableRow key={service.code}>
                      <TableHeaderCell scope="row" lang={name.lang}>
                        {name.text}
                      </TableHeaderCell>
                      <TableCell lang={summary.lang} className="vd-public-service__summary">
                        {summary.text}
                      </TableCell>
                      <TableCell>
                        {f.norm(service.serviceNorm)}
                        {service.legalTerm ? (
                          <span className="vd-block vd-muted">
                            {t('publicCatalogue.legalTerm', { term: f.norm(service.legalTerm) })}
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        {f.cost(service.costCents)}
                        {note.text ? (
                          <span className="vd-block vd-muted" lang={note.lang}>
                            {note.text}
                          </span>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        {service.channels.map((channel) => t(`catalogue.channel.${channel}`)).join(', ')}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Section>
        ))}
      </div>
    </PublicLayout>
  );
}
