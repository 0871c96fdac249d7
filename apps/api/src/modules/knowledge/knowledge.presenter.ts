import type { Article, ArticleDefinition, VersionedAbilities } from '@voordeur/shared';
import type { ArticleRow } from './knowledge.queries.ts';

/** One article; `abilities`: what the reader may do to it now (`articleAbilities`, the checks its actions make). */
export function presentArticle(
  row: NonNullable<ArticleRow>,
  includeDraft: boolean,
  today: string,
  abilities: VersionedAbilities,
): Article {
  const a = row.article;
  return {
    id: a.id,
    code: a.code,
    state: a.state as Article['state'],
    audience: a.audience as Article['audience'],
    owner: row.ownerName ?? null,
    reviewDate: a.reviewDate,
    reviewDue: a.reviewDate !== null && a.reviewDate < today,
    version: a.version,
    published: row.published?.id
      ? {
          number: row.published.number,
          publishedAt: row.published.publishedAt?.toISOString() ?? null,
          definition: row.published.definition as ArticleDefinition,
        }
      : null,
    draft:
      includeDraft && row.draft?.id
        ? { number: row.draft.number, definition: row.draft.definition as ArticleDefinition }
        : null,
    abilities,
  };
}
