import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import {
  ArticleDetail,
  ItemDetail,
  RelatedAdvice,
  useArticle,
  useCatalogueFormat,
  useCatalogueItem,
  useExpectedDate,
} from '../catalogue/index.ts';

export interface Opened {
  kind: 'item' | 'article';
  code: string;
}

const HEADING_ID = 'search-detail-heading';
export const DETAIL_PANE_ID = 'search-detail';

/**
 * The pane next to the results: the opened item or article. Opening a related item replaces the content
 * and moves focus to its heading (the button that was pressed is gone).
 */
export function DetailPane({
  opened,
  onOpenItem,
  level = 2,
}: {
  opened: Opened | null;
  onOpenItem: (code: string) => void;
  /** Outline level of the opened result's heading. */
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  // The item to focus once its heading is rendered: after its data has loaded, not while the previous item
  // (whose heading has the same id) is still on screen.
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const openRelated = (code: string) => {
    setFocusCode(code);
    onOpenItem(code);
  };
  return (
    <section
      id={DETAIL_PANE_ID}
      className="vd-panel vd-stack vd-search__detail"
      aria-label={t('search.detailLabel')}
    >
      {!opened ? <Paragraph className="vd-muted">{t('search.detailEmpty')}</Paragraph> : null}
      {opened?.kind === 'item' ? (
        <ItemPane
          key={opened.code}
          code={opened.code}
          onOpenItem={openRelated}
          focus={focusCode === opened.code}
          level={level}
        />
      ) : null}
      {opened?.kind === 'article' ? (
        <ArticlePane
          key={opened.code}
          code={opened.code}
          onOpenItem={openRelated}
          focus={focusCode === opened.code}
          level={level}
        />
      ) : null}
    </section>
  );
}

interface PaneProps {
  code: string;
  onOpenItem: (code: string) => void;
  /** Move focus to the heading once the content is shown. */
  focus: boolean;
  level: 2 | 3;
}

function useFocusHeadingWhen(ready: boolean) {
  useEffect(() => {
    if (ready) document.getElementById(HEADING_ID)?.focus();
  }, [ready]);
}

function ItemPane({ code, onOpenItem, focus, level }: PaneProps) {
  const { t } = useTranslation();
  const item = useCatalogueItem(code);
  const definition = item.data?.published?.definition ?? item.data?.draft?.definition;
  useFocusHeadingWhen(focus && Boolean(definition));
  if (item.isPending) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  if (item.isError) return <ErrorAlert error={item.error} />;
  if (!definition) return null;
  return (
    <ItemDetail
      definition={definition}
      headingId={HEADING_ID}
      level={level}
      expected={item.data.published ? <ExpectedDate code={code} /> : t('catalogue.expectedUnpublished')}
      onOpenItem={onOpenItem}
      related={
        item.data.published ? (
          <RelatedAdvice code={code} level={(level + 1) as 3 | 4} onOpen={onOpenItem} />
        ) : undefined
      }
    />
  );
}

/** "U kunt het verwachten op woensdag 8 april 2026", from the API's working-time calendar. */
function ExpectedDate({ code }: { code: string }) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const expected = useExpectedDate(code);
  if (expected.isPending) return t('app.loading');
  if (expected.isError) return t('catalogue.expectedUnknown');
  return (
    <time dateTime={expected.data.expectedDate}>
      {t('catalogue.expectedOn', { date: f.longDate(expected.data.expectedDate) })}
    </time>
  );
}

function ArticlePane({ code, onOpenItem, focus, level }: PaneProps) {
  const article = useArticle(code);
  const { t } = useTranslation();
  useFocusHeadingWhen(focus && Boolean(article.data));
  if (article.isPending) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  if (article.isError) return <ErrorAlert error={article.error} />;
  return (
    <ArticleDetail article={article.data} headingId={HEADING_ID} level={level} onOpenItem={onOpenItem} />
  );
}
