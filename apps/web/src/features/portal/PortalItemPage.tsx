import type { ItemKind, LocalText } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { StatusContent } from '../../lib/StatusContent.tsx';
import { useOrganisationTheme } from '../../lib/theme.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { DataList, type DataListItem } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { UnorderedList, UnorderedListItem } from '../../ui/UnorderedList.tsx';
import { LocalMarkdown, useCatalogueFormat } from '../catalogue/index.ts';
import { usePortalItem } from './api.ts';
import { RelatedList } from './RelatedList.tsx';

/** The words of the action button, by kind: report it, apply, complain, ask us to call. */
export const actionKey = (kind: ItemKind) =>
  (
    ({
      report: 'portal.action.report',
      request: 'portal.action.request',
      complaint: 'portal.action.complaint',
      callback: 'portal.action.callback',
      question: 'portal.action.request',
      appointment: 'portal.action.request',
    }) as const
  )[kind];

/**
 * What you may expect of one service (/p/<slug>/diensten/<code>): what it is, the norm in words and the date
 * you may expect it by (the norm clock from today), the cost and channels, conditions and what to bring, the
 * public articles about it — then the way to ask for it: online here, or how to reach the organisation — and
 * what else you may need.
 */
export function PortalItemPage() {
  const { t } = useTranslation();
  const { slug = '', code = '' } = useParams();
  const organisation = useOrganisationTheme(slug);
  const item = usePortalItem(slug, code);
  const f = useCatalogueFormat();
  const data = item.data;
  const name = data ? f.local(data.name) : null;
  useDocumentTitle(name ? `${name.text} — ${data!.organisation.name}` : t('portal.item.title'));

  if (item.isError && isApiError(item.error) && item.error.status === 404) {
    return (
      <PublicLayout>
        <StatusContent kind="notFound" showHomeLink={false} />
      </PublicLayout>
    );
  }

  const summary = data ? f.local(data.summary) : null;
  const facts: DataListItem[] = data
    ? [
        { key: 'norm', label: t('portal.item.norm'), value: f.norm(data.serviceNorm) },
        {
          key: 'expected',
          label: t('portal.item.expected'),
          value: (
            <>
              <time dateTime={data.expectedDate}>{f.longDate(data.expectedDate)}</time>
              <span className="vd-block vd-muted">{t('portal.item.expectedIfToday')}</span>
            </>
          ),
        },
        ...(data.legalTerm
          ? [{ key: 'legal', label: t('portal.item.legalTerm'), value: f.norm(data.legalTerm) }]
          : []),
        {
          key: 'cost',
          label: t('portal.item.cost'),
          value: (
            <>
              {f.cost(data.costCents)}
              {data.costNote ? <span className="vd-block vd-muted">{f.text(data.costNote)}</span> : null}
            </>
          ),
        },
        {
          key: 'channels',
          label: t('portal.item.channels'),
          value: data.channels.map((channel) => t(`catalogue.channel.${channel}`)).join(', '),
        },
      ]
    : [];

  return (
    <PublicLayout organisation={organisation.data?.name ?? data?.organisation.name}>
      <div className="vd-stack vd-stack--loose vd-portal">
        <nav aria-label={t('portal.breadcrumb')}>
          <Link className="utrecht-link utrecht-link--html-a" to={`/p/${slug}`}>
            {t('portal.backHome')}
          </Link>
        </nav>
        {item.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {item.isError ? <ErrorAlert error={item.error} /> : null}
        {data && name && summary ? (
          <>
            <div className="vd-stack">
              <Heading level={1} lang={name.lang}>
                {name.text}
              </Heading>
              <Paragraph appearance="lead" lang={summary.lang}>
                {summary.text}
              </Paragraph>
              <LocalMarkdown text={data.description} />
            </div>

            <section className="vd-stack vd-stack--tight" aria-labelledby="portal-expect">
              <Heading level={2} id="portal-expect">
                {t('portal.item.expectTitle')}
              </Heading>
              <DataList items={facts} />
            </section>

            <Part id="portal-conditions" title={t('portal.item.conditions')} text={data.conditions} />
            <Part id="portal-bring" title={t('portal.item.whatToBring')} text={data.whatToBring} />

            <section className="vd-stack vd-stack--tight vd-portal-action" aria-labelledby="portal-action">
              <Heading level={2} id="portal-action">
                {t('portal.item.howTitle')}
              </Heading>
              {data.action === 'online' ? (
                <>
                  <Paragraph>{t('portal.item.online')}</Paragraph>
                  <p>
                    <Link
                      className="utrecht-button utrecht-button--primary-action vd-button-link"
                      to={`/p/${slug}/diensten/${encodeURIComponent(code)}/melden`}
                    >
                      {t(actionKey(data.kind))}
                    </Link>
                  </p>
                </>
              ) : (
                <>
                  <Paragraph>{t('portal.item.elsewhere')}</Paragraph>
                  <UnorderedList>
                    {data.channels
                      .filter((channel) => channel !== 'web')
                      .map((channel) => (
                        <UnorderedListItem key={channel}>
                          {t(`portal.channelHow.${channel}`)}
                        </UnorderedListItem>
                      ))}
                  </UnorderedList>
                </>
              )}
            </section>

            {data.articles.length ? (
              <section className="vd-stack vd-stack--tight" aria-labelledby="portal-articles">
                <Heading level={2} id="portal-articles">
                  {t('portal.item.articles')}
                </Heading>
                {data.articles.map((a) => (
                  <details key={a.code} className="vd-portal-article">
                    <summary>{f.text(a.question)}</summary>
                    <LocalMarkdown text={a.answer} />
                  </details>
                ))}
              </section>
            ) : null}

            <RelatedList slug={slug} related={data.related} />
          </>
        ) : null}
      </div>
    </PublicLayout>
  );
}

function Part({ id, title, text }: { id: string; title: string; text: LocalText | null }) {
  if (!text?.nl) return null;
  return (
    <section className="vd-stack vd-stack--tight" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      <LocalMarkdown text={text} />
    </section>
  );
}
