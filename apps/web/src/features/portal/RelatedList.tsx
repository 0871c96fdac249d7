import type { RelatedService } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { serverPageHref } from '../../i18n/index.ts';
import { Heading } from '../../ui/Heading.tsx';
import { useCatalogueFormat } from '../catalogue/index.ts';

/** "You may also need…": the related services as links to their pages; nothing when there are none. */
export function RelatedList({
  slug,
  related,
  level = 2,
}: {
  slug: string;
  related: RelatedService[];
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  if (!related.length) return null;
  return (
    <section className="vd-stack vd-stack--tight vd-portal-related" aria-labelledby="portal-related">
      <Heading level={level} id="portal-related">
        {t('portal.related.title')}
      </Heading>
      <ul className="vd-plain-list vd-stack">
        {related.map((r) => {
          const name = f.local(r.name);
          const summary = f.local(r.summary);
          return (
            <li key={r.code}>
              {/* An item's page is server-rendered (ADR 0022): a plain link. */}
              <a
                className="utrecht-link utrecht-link--html-a"
                href={serverPageHref(`/p/${slug}/diensten/${encodeURIComponent(r.code)}`)}
                lang={name.lang}
              >
                {name.text}
              </a>
              <span className="vd-block vd-muted" lang={summary.lang}>
                {summary.text}
              </span>
              {r.reason === 'next' ? (
                <span className="vd-block vd-muted">{t('portal.related.next')}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
