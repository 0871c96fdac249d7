import type { Article, ArticleInput } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';
import { type FieldErrors, problemFieldErrors } from '../../lib/fieldErrors.ts';

/** The editor's values: every field as text (lists as comma-separated codes or words). */
export interface ArticleValues {
  code: string;
  questionNl: string;
  questionEn: string;
  answerNl: string;
  answerEn: string;
  audience: 'public' | 'internal' | '';
  items: string;
  tags: string;
  owner: string;
  reviewDate: string;
}

export const emptyArticleValues: ArticleValues = {
  code: '',
  questionNl: '',
  questionEn: '',
  answerNl: '',
  answerEn: '',
  audience: '',
  items: '',
  tags: '',
  owner: '',
  reviewDate: '',
};

/** The definition an article's editor starts from: the draft, else the published one. */
export const currentDefinition = (article: Article) =>
  article.draft?.definition ?? article.published?.definition;

export function toValues(article: Article): ArticleValues {
  const def = currentDefinition(article);
  if (!def) return { ...emptyArticleValues, code: article.code };
  return {
    code: def.code,
    questionNl: def.question.nl,
    questionEn: def.question.en ?? '',
    answerNl: def.answer.nl,
    answerEn: def.answer.en ?? '',
    audience: def.audience,
    items: def.items.join(', '),
    tags: def.tags.join(', '),
    owner: def.owner ?? '',
    reviewDate: def.reviewDate ?? '',
  };
}

export const splitList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

const local = (nl: string, en: string) => (en.trim() ? { nl, en } : { nl });

/** The definition to send (before the shared schema checks it). */
export const toDefinition = (v: ArticleValues): ArticleInput => ({
  code: v.code.trim(),
  question: local(v.questionNl, v.questionEn),
  answer: local(v.answerNl, v.answerEn),
  audience: v.audience as 'public' | 'internal',
  items: splitList(v.items),
  tags: splitList(v.tags),
  owner: v.owner.trim() || null,
  reviewDate: v.reviewDate || null,
});

/** The form field of a definition path: `question.nl` → `questionNl`, `items.2` → `items`. */
export function formKey(path: string): string {
  const [head, sub] = path.replace(/^definition\./, '').split('.');
  if ((head === 'question' || head === 'answer') && (sub === 'nl' || sub === 'en')) {
    return `${head}${sub === 'nl' ? 'Nl' : 'En'}`;
  }
  return head ?? path;
}

/** The errors keyed by definition path, re-keyed by form field (the first per field wins). */
export function toFormErrors(found: FieldErrors): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(found)) {
    const key = formKey(path);
    if (message && !errors[key]) errors[key] = message;
  }
  return errors;
}

/** The API's field errors of a failed save, on the form's fields. */
export function articleApiErrors(error: unknown, t: TFunction): FieldErrors {
  if (!isApiError(error)) return {};
  const found: FieldErrors = {};
  for (const { field, message } of error.errors) {
    if (field !== 'version' && !found[field]) found[field] = message;
  }
  return Object.keys(found).length ? toFormErrors(found) : problemFieldErrors(error, t);
}
