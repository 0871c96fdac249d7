import { Button } from '@utrecht/button-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { StatusContent } from '../../lib/StatusContent.tsx';
import { useOrganisationTheme } from '../../lib/theme.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCatalogueFormat } from '../catalogue/index.ts';
import { PUBLIC_SEARCH_MIN, usePortalHome, usePublicSearch } from './api.ts';

/**
 * The organisation's front door on the web (/p/<slug>): "find your answer" first — the same search the agents
 * use, over the public catalogue and public articles — then the most asked services, and the whole catalogue.
 * The search is a plain form: its words are in the address (?q=), so a result page can be shared and reloaded.
 */
export function PortalHomePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const organisation = useOrganisationTheme(slug);
  const home = usePortalHome(slug);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const search = usePublicSearch(slug, q);
  const f = useCatalogueFormat();
  const name = organisation.data?.name ?? home.data?.organisation.name;
  useDocumentTitle(name ? `${t('portal.home.title')} — ${name}` : t('portal.home.title'));

  if (home.isError && isApiError(home.error) && home.error.status === 404) {
    return (
      <PublicLayout>
        <StatusContent kind="notFound" showHomeLink={false} />
      </PublicLayout>
    );
  }

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {});
  };
  const hits = search.data?.hits ?? [];
  const searched = q.trim().length >= PUBLIC_SEARCH_MIN;

  return (
    <PublicLayout wide organisation={name}>
      <div className="vd-stack vd-stack--loose vd-portal">
        <div className="vd-stack">
          <Heading level={1}>{t('portal.home.title')}</Heading>
          <Paragraph appearance="lead">
            {name ? t('portal.home.intro', { organisation: name }) : t('portal.home.introPlain')}
          </Paragraph>
          <search aria-label={t('portal.home.searchLabel')}>
            <form className="vd-form vd-portal-search" onSubmit={onSearch} noValidate>
              <TextField
                id="portal-search"
                label={t('portal.home.searchField')}
                description={t('portal.home.searchHint')}
                type="search"
                name="q"
                value={text}
                onChange={(event) => setText(event.target.value)}
                autoComplete="off"
              />
              <div>
                <Button type="submit" appearance="primary-action-button">
                  {t('portal.home.searchButton')}
                </Button>
              </div>
            </form>
          </search>
        </div>

        {searched ? (
          <section className="vd-stack" aria-labelledby="portal-results">
            <Heading level={2} id="portal-results">
              {t('portal.home.results', { q })}
            </Heading>
            {search.isError ? <ErrorAlert error={search.error} /> : null}
            <Paragraph role="status">
              {search.isPending ? t('app.loading') : t('portal.home.resultCount', { count: hits.length })}
            </Paragraph>
            {search.data && hits.length === 0 ? (
              <Paragraph>
                {t('portal.home.noResults')}{' '}
                <Link className="utrecht-link utrecht-link--html-a" to={`/p/${slug}/diensten`}>
                  {t('portal.home.allServices')}
                </Link>
              </Paragraph>
            ) : null}
            <ul className="vd-plain-list vd-stack vd-portal-results">
              {hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`} className="vd-portal-result">
                  {hit.kind === 'item' ? (
                    <Link
                      className="utrecht-link utrecht-link--html-a vd-portal-result__title"
                      to={`/p/${slug}/diensten/${encodeURIComponent(hit.code)}`}
                    >
                      {hit.title}
                    </Link>
                  ) : (
                    <strong className="vd-portal-result__title">{hit.title}</strong>
                  )}
                  <span className="vd-block vd-muted">
                    {hit.kind === 'item' && hit.itemKind
                      ? t(`catalogue.kind.${hit.itemKind}`)
                      : t('portal.home.article')}
                  </span>
                  <span className="vd-block">{hit.summary}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section className="vd-stack" aria-labelledby="portal-popular">
          <Heading level={2} id="portal-popular">
            {t('portal.home.popular')}
          </Heading>
          {home.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
          {home.isError ? <ErrorAlert error={home.error} /> : null}
          <div className="vd-portal-groups">
            {home.data?.popular.map((group) => (
              <section
                key={group.kind}
                className="vd-stack vd-stack--tight"
                aria-labelledby={`popular-${group.kind}`}
              >
                <Heading level={3} id={`popular-${group.kind}`}>
                  {t(`catalogue.kindPlural.${group.kind}`)}
                </Heading>
                <ul className="vd-plain-list vd-stack vd-stack--tight">
                  {group.items.map((item) => {
                    const itemName = f.local(item.name);
                    return (
                      <li key={item.code}>
                        <Link
                          className="utrecht-link utrecht-link--html-a"
                          to={`/p/${slug}/diensten/${encodeURIComponent(item.code)}`}
                          lang={itemName.lang}
                        >
                          {itemName.text}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
          <Paragraph>
            <Link className="utrecht-link utrecht-link--html-a" to={`/p/${slug}/diensten`}>
              {t('portal.home.allServices')}
            </Link>
          </Paragraph>
          {/* Issue 14 (public): the performance page is rendered by the server (no script), so a plain link. */}
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={`/p/${slug}/prestaties`}>
              {t('accountability.homeLink')}
            </a>
          </Paragraph>
          {/* Issue 15 (signals): the suggestion page is rendered by the server (no script), so a plain link. */}
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={`/p/${slug}/verbeteridee`}>
              {t('suggest.portalLink')}
            </a>
          </Paragraph>
        </section>
      </div>
    </PublicLayout>
  );
}
