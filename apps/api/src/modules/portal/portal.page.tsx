import {
  ITEM_KINDS,
  type ItemKind,
  type LocalText,
  type MarkdownInline,
  markdownBlocks,
  type PublicService,
  type RelatedService,
} from '@voordeur/shared';
import type { ReactNode } from 'react';
import {
  channelHow,
  channelName,
  costWords,
  kindName,
  type Language,
  localText,
  longDate,
  normWords,
} from '../../platform/public-words.ts';
import { Field, Submit, Table, textbox } from '../../plugins/page-parts.tsx';
import { PORTAL_WORDS, type PortalWords } from './portal.words.ts';

/**
 * The resident's front door, rendered on the server (ADR 0022, addendum): the public home with its search, the
 * catalogue "Wat kunt u van ons verwachten", an item's page and a public article. They load no script; every link
 * and form works as plain HTML. So does the report form they lead to (portal.report.page.tsx).
 */

/** The portal's own paths, in the page's language (`?lang=en` when English). */
export interface PortalPaths {
  home: string;
  catalogue: string;
  item: (code: string) => string;
  /** An item's report form. */
  form: (code: string) => string;
  /** A public article of the knowledge base. */
  article: (code: string) => string;
  performance: string;
  suggest: string;
  findCase: string;
  myPage: string;
}

const link = 'utrecht-link utrecht-link--html-a';

/** A text in Dutch and maybe English, in the page's language (marked `lang="nl"` when it falls back to Dutch). */
function Local({ value, language }: { value: LocalText | null | undefined; language: Language }) {
  const t = localText(value, language);
  return t.lang ? <span lang={t.lang}>{t.text}</span> : t.text;
}

function Inline({ pieces }: { pieces: MarkdownInline[] }): ReactNode {
  return pieces.map((piece, n) => {
    if (typeof piece === 'string') return piece;
    // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a line have no identity but their place.
    if ('bold' in piece) return <strong key={n}>{<Inline pieces={piece.bold} />}</strong>;
    return piece.href ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above.
      <a key={n} className={link} href={piece.href}>
        {piece.link}
      </a>
    ) : (
      piece.link
    );
  });
}

/** A catalogue text (paragraphs, lists, bold, web links; parsed by `markdownBlocks`), in the page's language. */
function Markdown({ text, language }: { text: LocalText | null | undefined; language: Language }) {
  const t = localText(text, language);
  return (
    <div className="vd-stack vd-stack--tight vd-markdown" lang={t.lang}>
      {markdownBlocks(t.text).map((block, index) =>
        block.kind === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place.
          <p key={index} className="utrecht-paragraph">
            <Inline pieces={block.inline} />
          </p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <ul key={index} className="utrecht-unordered-list">
            {block.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above.
              <li key={i} className="utrecht-unordered-list__item">
                <Inline pieces={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

export function NotFound({ words, home }: { words: PortalWords; home?: string | undefined }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{words.notFoundTitle}</h1>
      <p className="utrecht-paragraph">{words.notFound}</p>
      {home ? (
        <p className="utrecht-paragraph">
          <a className={link} href={home}>
            {words.backHome}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** The words to look for (`q`), as typed before. */
function SearchBox(props: { control: object; value: string; invalid: boolean }) {
  return (
    <input
      {...props.control}
      className={textbox(props.invalid)}
      type="search"
      name="q"
      defaultValue={props.value}
      autoComplete="off"
      maxLength={200}
    />
  );
}

// ---- the public home ---------------------------------------------------------------------------------------------

export interface SearchHitView {
  kind: 'item' | 'article';
  id: string;
  code: string | null;
  title: string;
  summary: string;
  itemKind: string | null;
}

export interface HomeProps {
  words: PortalWords;
  organisation: string;
  paths: PortalPaths;
  /** The words searched for, as typed (shown back in the field). */
  q: string;
  /** The search's answer; absent when nothing (or too little) was typed. */
  search?: { hits: SearchHitView[]; didYouMean: string[] } | undefined;
  /** Set when the words were too short to search. */
  tooShort?: number | undefined;
  popular: { kind: ItemKind; items: { code: string; name: LocalText }[] }[];
}

export function PortalHomePage(props: HomeProps) {
  const { words: w, paths, search } = props;
  const h = w.home;
  const language = w.lang;
  return (
    <div className="vd-stack vd-stack--loose vd-portal">
      <div className="vd-stack">
        <h1 className="utrecht-heading-1">{h.title}</h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{h.intro(props.organisation)}</p>
        <search aria-label={h.searchLabel}>
          <form className="vd-form vd-portal-search" method="get" action={paths.home}>
            {language === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
            <Field
              id="portal-search"
              label={h.searchField}
              description={h.searchHint}
              error={props.tooShort ? h.searchTooShort(props.tooShort) : undefined}
            >
              {(control) => <SearchBox control={control} value={props.q} invalid={Boolean(props.tooShort)} />}
            </Field>
            <Submit>{h.searchButton}</Submit>
          </form>
        </search>
      </div>

      {search ? (
        <section className="vd-stack" aria-labelledby="portal-results">
          <h2 className="utrecht-heading-2" id="portal-results">
            {h.results(props.q)}
          </h2>
          <p className="utrecht-paragraph" role="status">
            {h.resultCount(search.hits.length)}
          </p>
          {search.hits.length === 0 ? (
            <>
              {search.didYouMean.length ? (
                <p className="utrecht-paragraph">
                  {h.didYouMean}{' '}
                  {search.didYouMean.map((word, i) => (
                    <span key={word}>
                      {i > 0 ? ', ' : null}
                      <a
                        className={link}
                        href={`${paths.home}${paths.home.includes('?') ? '&' : '?'}q=${encodeURIComponent(word)}`}
                      >
                        {word}
                      </a>
                    </span>
                  ))}
                </p>
              ) : null}
              <p className="utrecht-paragraph">
                {h.noResults}{' '}
                <a className={link} href={paths.catalogue}>
                  {h.allServices}
                </a>
              </p>
            </>
          ) : null}
          <ul className="vd-plain-list vd-stack vd-portal-results">
            {search.hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`} className="vd-portal-result">
                {hit.code ? (
                  <a
                    className={`${link} vd-portal-result__title`}
                    href={hit.kind === 'item' ? paths.item(hit.code) : paths.article(hit.code)}
                  >
                    {hit.title}
                  </a>
                ) : (
                  <strong className="vd-portal-result__title">{hit.title}</strong>
                )}
                <span className="vd-block vd-muted">
                  {hit.kind === 'item' && hit.itemKind ? kindName(hit.itemKind, language) : h.article}
                </span>
                <span className="vd-block">{hit.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="vd-stack" aria-labelledby="portal-popular">
        <h2 className="utrecht-heading-2" id="portal-popular">
          {h.popular}
        </h2>
        <div className="vd-portal-groups">
          {props.popular.map((group) => (
            <section
              key={group.kind}
              className="vd-stack vd-stack--tight"
              aria-labelledby={`popular-${group.kind}`}
            >
              <h3 className="utrecht-heading-3" id={`popular-${group.kind}`}>
                {kindName(group.kind, language, true)}
              </h3>
              <ul className="vd-plain-list vd-stack vd-stack--tight">
                {group.items.map((item) => {
                  const name = localText(item.name, language);
                  return (
                    <li key={item.code}>
                      <a className={link} href={paths.item(item.code)} lang={name.lang}>
                        {name.text}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
        <ul className="vd-plain-list vd-stack vd-stack--tight">
          {[
            [paths.catalogue, h.allServices],
            [paths.findCase, h.findCase],
            [paths.myPage, h.myPage],
            [paths.performance, h.performance],
            [paths.suggest, h.suggest],
          ].map(([href, text]) => (
            <li key={href}>
              <a className={link} href={href}>
                {text}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

// ---- the catalogue -----------------------------------------------------------------------------------------------

export interface CatalogueProps {
  words: PortalWords;
  organisation: string;
  paths: PortalPaths;
  q: string;
  kind: ItemKind | '';
  shown: PublicService[];
  total: number;
}

export function PublicCataloguePage(props: CatalogueProps) {
  const { words: w, paths } = props;
  const c = w.catalogue;
  const language = w.lang;
  const filtered = Boolean(props.q.trim() || props.kind);
  const groups = ITEM_KINDS.map((k) => ({
    kind: k,
    services: props.shown.filter((s) => s.kind === k),
  })).filter((g) => g.services.length > 0);
  return (
    <div className="vd-stack vd-stack--loose">
      <div className="vd-stack">
        <nav aria-label={w.breadcrumb}>
          <a className={link} href={paths.home}>
            {w.backHome}
          </a>
        </nav>
        <h1 className="utrecht-heading-1">{c.title}</h1>
        <p className="utrecht-paragraph">{c.intro(props.organisation)}</p>
      </div>
      <search className="vd-stack" aria-label={c.filterLabel}>
        <form className="vd-form vd-filters" method="get" action={paths.catalogue}>
          {language === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
          <div className="vd-filters__grid">
            <Field id="public-catalogue-filter" label={c.filter} description={c.filterHint}>
              {(control) => <SearchBox control={control} value={props.q} invalid={false} />}
            </Field>
            <Field id="public-catalogue-kind" label={c.kind}>
              {(control) => (
                <select
                  {...control}
                  className="utrecht-select utrecht-select--html-select"
                  name="soort"
                  defaultValue={props.kind}
                >
                  <option value="">{c.allKinds}</option>
                  {ITEM_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {kindName(k, language, true)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Submit>{c.filterButton}</Submit>
        </form>
        <p className="utrecht-paragraph" role="status">
          {filtered ? c.countFiltered(props.shown.length, props.total) : c.count(props.total)}
          {filtered ? (
            <>
              {' '}
              <a className={link} href={paths.catalogue}>
                {c.clear}
              </a>
            </>
          ) : null}
        </p>
      </search>

      {groups.map((group) => {
        const title = kindName(group.kind, language, true);
        return (
          <section key={group.kind} className="vd-stack" aria-labelledby={`public-catalogue-${group.kind}`}>
            <h2 className="utrecht-heading-2" id={`public-catalogue-${group.kind}`}>
              {title}
            </h2>
            <Table
              id={`public-catalogue-${group.kind}`}
              caption={title}
              captionHidden
              head={[c.service, c.summary, c.norm, c.cost, c.channels]}
              rowHeaders
              columnClass={{ 1: 'vd-public-service__summary' }}
              rows={group.services.map((service) => {
                const name = localText(service.name, language);
                return [
                  <a key="name" className={link} href={paths.item(service.code)} lang={name.lang}>
                    {name.text}
                  </a>,
                  <Local key="summary" value={service.summary} language={language} />,
                  <>
                    {normWords(service.serviceNorm, language)}
                    {service.legalTerm ? (
                      <span className="vd-block vd-muted">
                        {c.legalTerm(normWords(service.legalTerm, language))}
                      </span>
                    ) : null}
                  </>,
                  <>
                    {costWords(service.costCents, language)}
                    {service.costNote?.nl ? (
                      <span className="vd-block vd-muted">
                        <Local value={service.costNote} language={language} />
                      </span>
                    ) : null}
                  </>,
                  service.channels.map((ch) => channelName(ch, language)).join(', '),
                ];
              })}
            />
          </section>
        );
      })}
    </div>
  );
}

// ---- an item's page ----------------------------------------------------------------------------------------------

export interface ItemView {
  code: string;
  kind: ItemKind;
  name: LocalText;
  summary: LocalText;
  description: LocalText;
  conditions: LocalText | null;
  whatToBring: LocalText | null;
  costCents: number | null;
  costNote: LocalText | null;
  channels: string[];
  serviceNorm: { amount: number; unit: string };
  legalTerm: { amount: number; unit: string } | null;
  expectedDate: string;
  action: 'online' | 'elsewhere';
  articles: { code: string; question: LocalText; answer: LocalText }[];
  related: RelatedService[];
}

/** A public article (`/p/<slug>/vragen/<code>`): the question, the whole answer, and the services it is about. */
export function PortalArticlePage(props: {
  words: PortalWords;
  paths: PortalPaths;
  article: { question: LocalText; answer: LocalText };
  items: { code: string; name: LocalText; summary: LocalText }[];
}) {
  const { words: w, paths, article } = props;
  const language = w.lang;
  const question = localText(article.question, language);
  return (
    <div className="vd-stack vd-stack--loose vd-portal">
      <nav aria-label={w.breadcrumb}>
        <a className={link} href={paths.home}>
          {w.backHome}
        </a>
      </nav>
      <h1 className="utrecht-heading-1" lang={question.lang}>
        {question.text}
      </h1>
      <Markdown text={article.answer} language={language} />
      <ServiceLinks
        id="portal-article-items"
        title={w.articleItems}
        services={props.items}
        language={language}
        href={paths.item}
      />
    </div>
  );
}

export function PortalItemPage(props: { words: PortalWords; paths: PortalPaths; item: ItemView }) {
  const { words: w, paths, item } = props;
  const i = w.item;
  const language = w.lang;
  const name = localText(item.name, language);
  const summary = localText(item.summary, language);
  const facts: { key: string; label: string; value: ReactNode }[] = [
    { key: 'norm', label: i.norm, value: normWords(item.serviceNorm, language) },
    {
      key: 'expected',
      label: i.expected,
      value: (
        <>
          <time dateTime={item.expectedDate}>{longDate(item.expectedDate, language)}</time>
          <span className="vd-block vd-muted">{i.expectedIfToday}</span>
        </>
      ),
    },
    ...(item.legalTerm
      ? [{ key: 'legal', label: i.legalTerm, value: normWords(item.legalTerm, language) }]
      : []),
    {
      key: 'cost',
      label: i.cost,
      value: (
        <>
          {costWords(item.costCents, language)}
          {item.costNote?.nl ? (
            <span className="vd-block vd-muted">
              <Local value={item.costNote} language={language} />
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'channels',
      label: i.channels,
      value: item.channels.map((ch) => channelName(ch, language)).join(', '),
    },
  ];
  const part = (id: string, title: string, text: LocalText | null) =>
    text?.nl ? (
      <section className="vd-stack vd-stack--tight" aria-labelledby={id}>
        <h2 className="utrecht-heading-2" id={id}>
          {title}
        </h2>
        <Markdown text={text} language={language} />
      </section>
    ) : null;

  return (
    <div className="vd-stack vd-stack--loose vd-portal">
      <nav aria-label={w.breadcrumb}>
        <a className={link} href={paths.home}>
          {w.backHome}
        </a>
      </nav>
      <div className="vd-stack">
        <h1 className="utrecht-heading-1" lang={name.lang}>
          {name.text}
        </h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead" lang={summary.lang}>
          {summary.text}
        </p>
        <Markdown text={item.description} language={language} />
      </div>

      <section className="vd-stack vd-stack--tight" aria-labelledby="portal-expect">
        <h2 className="utrecht-heading-2" id="portal-expect">
          {i.expectTitle}
        </h2>
        <dl className="utrecht-data-list vd-data-list">
          {facts.map((fact) => (
            <div key={fact.key} className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{fact.label}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {fact.value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {part('portal-conditions', i.conditions, item.conditions)}
      {part('portal-bring', i.whatToBring, item.whatToBring)}

      <section className="vd-stack vd-stack--tight vd-portal-action" aria-labelledby="portal-action">
        <h2 className="utrecht-heading-2" id="portal-action">
          {i.howTitle}
        </h2>
        {item.action === 'online' ? (
          <>
            <p className="utrecht-paragraph">{i.online}</p>
            <p>
              <a
                className="utrecht-button utrecht-button--primary-action vd-button-link"
                href={paths.form(item.code)}
              >
                {i.action[item.kind]}
              </a>
            </p>
          </>
        ) : (
          <>
            <p className="utrecht-paragraph">{i.elsewhere}</p>
            <ul className="utrecht-unordered-list">
              {item.channels
                .filter((ch) => ch !== 'web')
                .map((ch) => (
                  <li key={ch} className="utrecht-unordered-list__item">
                    {channelHow(ch, language)}
                  </li>
                ))}
            </ul>
          </>
        )}
      </section>

      {item.articles.length ? (
        <section className="vd-stack vd-stack--tight" aria-labelledby="portal-articles">
          <h2 className="utrecht-heading-2" id="portal-articles">
            {i.articles}
          </h2>
          {item.articles.map((a) => (
            <details key={a.code} className="vd-portal-article">
              <summary>
                <Local value={a.question} language={language} />
              </summary>
              <Markdown text={a.answer} language={language} />
            </details>
          ))}
        </section>
      ) : null}

      <RelatedServices related={item.related} language={language} href={paths.item} />
    </div>
  );
}

/**
 * "You may also need…": related services, each linked to its page, those that others asked next marked so. On an
 * item's page and on the case page after a report (the confirmation). Nothing when there are none.
 */
export function RelatedServices(props: {
  related: RelatedService[];
  language: Language;
  href: (code: string) => string;
}) {
  const i = PORTAL_WORDS[props.language].item;
  return (
    <ServiceLinks
      id="portal-related"
      className="vd-portal-related"
      title={i.related}
      services={props.related}
      language={props.language}
      href={props.href}
      note={(r) => (r.reason === 'next' ? i.relatedNext : undefined)}
    />
  );
}

/**
 * A titled list of services, each its name as a link and its summary (and a note, when `note` gives one): an
 * article's services, an item's "you may also need…". Nothing when the list is empty.
 */
function ServiceLinks<S extends { code: string; name: LocalText; summary: LocalText }>(props: {
  id: string;
  className?: string;
  title: string;
  services: S[];
  language: Language;
  href: (code: string) => string;
  note?: (service: S) => string | undefined;
}) {
  const { language } = props;
  if (!props.services.length) return null;
  return (
    <section
      className={`vd-stack vd-stack--tight${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={props.id}
    >
      <h2 className="utrecht-heading-2" id={props.id}>
        {props.title}
      </h2>
      <ul className="vd-plain-list vd-stack">
        {props.services.map((service) => {
          const name = localText(service.name, language);
          const summary = localText(service.summary, language);
          const note = props.note?.(service);
          return (
            <li key={service.code}>
              <a className={link} href={props.href(service.code)} lang={name.lang}>
                {name.text}
              </a>
              <span className="vd-block vd-muted" lang={summary.lang}>
                {summary.text}
              </span>
              {note ? <span className="vd-block vd-muted">{note}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
