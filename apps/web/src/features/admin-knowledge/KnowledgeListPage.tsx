import {
  type Article,
  articleDefinitionSchema,
  PUBLICATION_STATES,
  type PublicationState,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { CreateButton } from '../../lib/CreateButton.tsx';
import { EditorPanel } from '../../lib/EditorPanel.tsx';
import { QueryList } from '../../lib/QueryList.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { type EditorFormProps, useListEditor } from '../../lib/useListEditor.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Code } from '../../ui/Code.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { StateBadges } from '../admin-catalogue/index.ts';
import { useCatalogueFormat } from '../catalogue/index.ts';
import { useArticles, useCreateArticle } from './api.ts';
import {
  articleApiErrors,
  currentDefinition,
  emptyArticleValues,
  toDefinition,
  toFormErrors,
} from './articleForm.ts';

const IDS = { heading: 'kb-create-heading', createButton: 'kb-create-open', notice: 'kb-notice' };
const AUDIENCES = ['public', 'internal'] as const;

/** The knowledge base for administrators and quality officers (who write articles) and, read-only, managers. */
export function KnowledgeListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('knowledge.title'));
  const navigate = useNavigate();
  const canEdit = useCan('editKnowledge');
  const [audience, setAudience] = useState<'public' | 'internal' | ''>('');
  const [state, setState] = useState<PublicationState | ''>('');
  const [reviewDue, setReviewDue] = useState(false);
  const articles = useArticles({ audience, state, reviewDue });
  const editor = useListEditor(IDS, articles.data, () => articles.refetch());

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('knowledge.title')} intro={t('knowledge.intro')}>
        {!canEdit ? <Paragraph>{t('knowledge.readOnlyList')}</Paragraph> : null}
      </PageIntro>

      {canEdit ? <CreateButton editor={editor}>{t('knowledge.createOpen')}</CreateButton> : null}
      {canEdit && editor.isOpen ? (
        <CreateArticleForm
          {...editor.formProps}
          onDone={(article) =>
            navigate(`/admin/knowledge/${encodeURIComponent(article.code)}`, { state: { created: true } })
          }
        />
      ) : null}

      <Section headingId="kb-filters-heading" title={t('knowledge.filtersTitle')} panel>
        <div className="vd-filters__grid">
          <SelectField
            id="kb-filter-audience"
            label={t('knowledge.fields.audience')}
            value={audience}
            onChange={(event) => setAudience(event.target.value as 'public' | 'internal' | '')}
            emptyOption={t('search.all')}
            options={AUDIENCES.map((value) => ({ value, label: t(`catalogue.articleAudience.${value}`) }))}
          />
          <SelectField
            id="kb-filter-state"
            label={t('knowledge.fields.state')}
            value={state}
            onChange={(event) => setState(event.target.value as PublicationState | '')}
            emptyOption={t('search.all')}
            options={PUBLICATION_STATES.map((value) => ({ value, label: t(`catalogue.state.${value}`) }))}
          />
          <CheckboxField
            id="kb-filter-review"
            label={t('knowledge.filterReviewDue')}
            checked={reviewDue}
            onChange={(event) => setReviewDue(event.target.checked)}
          />
        </div>
      </Section>

      <Paragraph role="status">
        {articles.data ? t('knowledge.count', { count: articles.data.length }) : ''}
      </Paragraph>
      <QueryList query={articles} empty={t('knowledge.empty')}>
        {(rows) => <ArticlesTable articles={rows} />}
      </QueryList>
    </div>
  );
}

function ArticlesTable({ articles }: { articles: Article[] }) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const dates = useFormat();
  return (
    <Table caption={t('knowledge.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('knowledge.questionAndCode')}</TableHeaderCell>
          <TableHeaderCell>{t('knowledge.fields.audience')}</TableHeaderCell>
          <TableHeaderCell>{t('knowledge.fields.state')}</TableHeaderCell>
          <TableHeaderCell>{t('knowledge.fields.owner')}</TableHeaderCell>
          <TableHeaderCell>{t('knowledge.fields.reviewDate')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {articles.map((article) => {
          const def = currentDefinition(article);
          const question = def ? f.local(def.question) : { text: article.code, lang: undefined };
          return (
            <TableRow key={article.id}>
              <TableHeaderCell scope="row">
                <Link
                  className="utrecht-link utrecht-link--html-a"
                  to={`/admin/knowledge/${encodeURIComponent(article.code)}`}
                  lang={question.lang}
                >
                  {question.text}
                </Link>
                <span className="vd-block vd-muted">
                  <Code>{article.code}</Code>
                </span>
              </TableHeaderCell>
              <TableCell>{t(`catalogue.articleAudience.${article.audience}`)}</TableCell>
              <TableCell>
                <StateBadges state={article.state} hasDraft={Boolean(article.draft && article.published)} />
              </TableCell>
              <TableCell>{article.owner ?? '—'}</TableCell>
              <TableCell>
                {article.reviewDate ? (
                  <time dateTime={article.reviewDate}>{dates.date(`${article.reviewDate}T12:00:00`)}</time>
                ) : (
                  '—'
                )}
                {article.reviewDue ? (
                  <span className="vd-block">
                    <StatusBadge status="warning">{t('knowledge.reviewDueBadge')}</StatusBadge>
                  </span>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** A new article: its code, question, answer and audience; the rest is filled in on its page. */
function CreateArticleForm({ onDone, ...panel }: EditorFormProps<Article>) {
  const { t } = useTranslation();
  const create = useCreateArticle();
  const form = useForm(
    { code: '', questionNl: '', answerNl: '', audience: '' as 'public' | 'internal' | '' },
    {
      code: { id: 'kb-create-code', label: t('knowledge.fields.code') },
      questionNl: { id: 'kb-create-questionNl', label: t('knowledge.fields.questionNl') },
      answerNl: { id: 'kb-create-answerNl', label: t('knowledge.fields.answerNl') },
      audience: { id: 'kb-create-audience', label: t('knowledge.fields.audience') },
    },
  );
  const onSubmit = form.submit(() => {
    const definition = toDefinition({ ...emptyArticleValues, ...form.values });
    const data = form.validate(articleDefinitionSchema.safeParse(definition), (found) => {
      const mapped = toFormErrors(found);
      for (const key of Object.keys(found)) delete found[key];
      Object.assign(found, mapped);
    });
    if (data)
      create.mutate(data, {
        onSuccess: onDone,
        onError: (error) => form.report(articleApiErrors(error, t)),
      });
  });
  return (
    <EditorPanel
      {...panel}
      title={t('knowledge.createTitle')}
      form={form}
      mutation={create}
      onSubmit={onSubmit}
      submitLabel={t('knowledge.createSubmit')}
      wide
    >
      <TextField
        {...form.field('code')}
        description={t('knowledge.codeHint')}
        autoComplete="off"
        spellCheck={false}
        maxLength={80}
        required
      />
      <TextField {...form.field('questionNl')} autoComplete="off" maxLength={300} required />
      <TextareaField {...form.field('answerNl')} rows={5} required />
      <SelectField
        {...form.field('audience')}
        emptyOption={t('common.choose')}
        options={AUDIENCES.map((value) => ({ value, label: t(`catalogue.articleAudience.${value}`) }))}
        required
      />
    </EditorPanel>
  );
}
