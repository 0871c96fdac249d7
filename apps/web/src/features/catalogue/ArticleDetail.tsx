import type { Article } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useCatalogueFormat } from './format.ts';
import { LocalMarkdown, RelatedItems } from './ItemDetail.tsx';

export interface ArticleDetailProps {
  article: Article;
  headingId: string;
  level: 2 | 3;
  onOpenItem?: ((code: string) => void) | undefined;
}

/** A knowledge article: the question, the answer, the items it is about; a warning when it is due for review. */
export function ArticleDetail({ article, headingId, level, onOpenItem }: ArticleDetailProps) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const def = article.published?.definition ?? article.draft?.definition;
  if (!def) return null;
  const question = f.local(def.question);
  const sub = (level + 1) as 3 | 4;
  return (
    <article className="vd-stack" aria-labelledby={headingId}>
      <div className="vd-stack vd-stack--tight">
        <Heading level={level} id={headingId} tabIndex={-1} lang={question.lang}>
          {question.text}
        </Heading>
        <p className="utrecht-paragraph vd-badges">
          <StatusBadge status="neutral">{t('search.kindArticle')}</StatusBadge>{' '}
          <StatusBadge status="neutral">{t(`catalogue.articleAudience.${def.audience}`)}</StatusBadge>
        </p>
      </div>
      {article.reviewDue ? <Notice type="warning">{t('catalogue.reviewDue')}</Notice> : null}
      <LocalMarkdown text={def.answer} />
      {def.items.length > 0 ? (
        <div className="vd-stack vd-stack--tight">
          <Heading level={sub}>{t('catalogue.articleItems')}</Heading>
          <RelatedItems codes={def.items} onOpen={onOpenItem} />
        </div>
      ) : null}
      {def.owner ? (
        <Paragraph className="vd-muted">{t('catalogue.owner', { owner: def.owner })}</Paragraph>
      ) : null}
    </article>
  );
}
