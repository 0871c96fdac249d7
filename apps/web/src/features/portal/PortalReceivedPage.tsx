import type { PortalReportResult, RelatedService } from '@voordeur/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { serverPageHref } from '../../i18n/index.ts';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { useOrganisationTheme } from '../../lib/theme.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { DataList } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { useCatalogueFormat } from '../catalogue/index.ts';
import { RelatedList } from './RelatedList.tsx';

const HEADING_ID = 'report-received';

/**
 * The confirmation (/p/<slug>/diensten/<code>/ontvangen): the reference, the date the norm clock expects it by,
 * how the person will hear of it and what happens next, and what else they may need. The result comes with the
 * navigation from the form; opened again later (a reload) the page says where to find it instead.
 */
export function PortalReceivedPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const organisation = useOrganisationTheme(slug);
  const state = useLocation().state as {
    result?: PortalReportResult;
    name?: string;
    /** The item page's "you may also need…", given on. */
    related?: RelatedService[];
  } | null;
  const result = state?.result;
  const f = useCatalogueFormat();
  useDocumentTitle(
    organisation.data
      ? `${t('portal.received.title')} — ${organisation.data.name}`
      : t('portal.received.title'),
  );
  useEffect(() => {
    document.getElementById(HEADING_ID)?.focus();
  }, []);

  return (
    <PublicLayout organisation={organisation.data?.name}>
      <div className="vd-stack vd-stack--loose vd-portal">
        <Heading level={1} id={HEADING_ID} tabIndex={-1}>
          {t('portal.received.title')}
        </Heading>
        {result ? (
          <>
            <Notice type="ok">{t('portal.received.thanks', { name: state?.name ?? '' })}</Notice>
            <DataList
              items={[
                {
                  key: 'reference',
                  label: t('portal.received.reference'),
                  value: <strong id="report-reference">{result.reference}</strong>,
                },
                {
                  key: 'expected',
                  label: t('portal.received.expected'),
                  value: <time dateTime={result.expectedDate}>{f.longDate(result.expectedDate)}</time>,
                },
              ]}
            />
            <section className="vd-stack vd-stack--tight" aria-labelledby="report-next">
              <Heading level={2} id="report-next">
                {t('portal.received.nextTitle')}
              </Heading>
              <Paragraph>
                {result.confirmationSent
                  ? t(`portal.received.confirmation.${result.reach}`)
                  : t('portal.received.confirmation.none')}
              </Paragraph>
              <Paragraph>{t('portal.received.next')}</Paragraph>
              <Paragraph>{t('portal.received.keepReference')}</Paragraph>
              {result.trackingUrl ? (
                <Paragraph>
                  <a className="utrecht-link utrecht-link--html-a" href={result.trackingUrl}>
                    {t('portal.received.tracking')}
                  </a>
                </Paragraph>
              ) : null}
            </section>
            <RelatedList slug={slug} related={state?.related ?? []} />
          </>
        ) : (
          <Paragraph>{t('portal.received.noState')}</Paragraph>
        )}
        <Paragraph>
          {/* The home is server-rendered (ADR 0022): a plain link. */}
          <a className="utrecht-link utrecht-link--html-a" href={serverPageHref(`/p/${slug}`)}>
            {t('portal.backHome')}
          </a>
        </Paragraph>
      </div>
    </PublicLayout>
  );
}
