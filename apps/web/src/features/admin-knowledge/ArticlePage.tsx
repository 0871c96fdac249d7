import { Button } from '@utrecht/button-react';
import { type Article, articleDefinitionSchema } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useCan } from '../../lib/access.ts';
import { EditorPanel, editorErrorsId } from '../../lib/EditorPanel.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ItemBadges } from '../admin-catalogue/index.ts';
import { useTeams } from '../admin-teams/index.ts';
import { ArticleDetail, useArticle, useCatalogueFormat, useCatalogueItems } from '../catalogue/index.ts';
import { useArticleAction, useSaveArticleDraft } from './api.ts';
import {
  type ArticleValues,
  articleApiErrors,
  currentDefinition,
  splitList,
  toDefinition,
  toFormErrors,
  toValues,
} from './articleForm.ts';

const NOTICE_ID = 'kb-article-notice';
const EDITOR_HEADING = 'kb-editor-heading';
const AUDIENCES = ['public', 'internal'] as const;

/**
 * One knowledge article: its draft editor with a live preview, publish and retire; read-only for managers. What
 * is offered is the article's `abilities` from the API (the checks its actions make).
 */
export function ArticlePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const article = useArticle(code);
  const canEdit = article.data?.abilities.saveDraft ?? false;
  const f = useCatalogueFormat();
  const [notice, setNotice] = useState<string | null>(created ? t('knowledge.created') : null);
  const [reloads, setReloads] = useState(0);
  const def = article.data ? currentDefinition(article.data) : undefined;
  const title = def ? f.local(def.question) : { text: code, lang: undefined };
  useDocumentTitle(title.text);

  const done = (message: string) => {
    setNotice(message);
    focusLater(NOTICE_ID);
  };
  const reload = async () => {
    setNotice(null);
    await article.refetch();
    setReloads((n) => n + 1);
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/admin/knowledge">
          {t('knowledge.backToList')}
        </Link>
      </p>
      {article.isPending ? (
        <>
          <Heading level={1}>{code}</Heading>
          <Paragraph role="status">{t('app.loading')}</Paragraph>
        </>
      ) : null}
      {article.isError ? (
        <>
          <Heading level={1}>{code}</Heading>
          <ErrorAlert error={article.error} />
        </>
      ) : null}
      {article.data ? (
        <>
          <div className="vd-stack vd-stack--tight">
            <Heading level={1} lang={title.lang}>
              {title.text}
            </Heading>
            <ItemBadges item={article.data} />
          </div>
          {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
          {article.data.reviewDue ? <Notice type="warning">{t('catalogue.reviewDue')}</Notice> : null}
          {canEdit ? (
            <>
              <ArticleEditor
                key={reloads}
                article={article.data}
                onSaved={() => done(t('knowledge.draftSaved'))}
                onReload={() => void reload()}
              />
              <PublishSection article={article.data} onDone={done} onReload={() => void reload()} />
            </>
          ) : (
            <>
              <Paragraph>{t('knowledge.readOnly')}</Paragraph>
              <Section headingId="kb-view-heading" title={t('knowledge.contentTitle')} panel>
                <ArticleDetail article={article.data} headingId="kb-view-question" level={3} />
              </Section>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

interface ArticleEditorProps {
  article: Article;
  onSaved: () => void;
  onReload: () => void;
}

function ArticleEditor({ article, onSaved, onReload }: ArticleEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveArticleDraft();
  const canListTeams = useCan('listTeams');
  const teams = useTeams(canListTeams);
  const items = useCatalogueItems();
  const id = (key: string) => `kb-edit-${key}`;
  const form = useForm<ArticleValues>(toValues(article), {
    code: { id: id('code'), label: t('knowledge.fields.code') },
    questionNl: { id: id('questionNl'), label: t('knowledge.fields.questionNl') },
    questionEn: { id: id('questionEn'), label: t('knowledge.fields.questionEn') },
    answerNl: { id: id('answerNl'), label: t('knowledge.fields.answerNl') },
    answerEn: { id: id('answerEn'), label: t('knowledge.fields.answerEn') },
    audience: { id: id('audience'), label: t('knowledge.fields.audience') },
    items: { id: id('items'), label: t('knowledge.fields.items') },
    tags: { id: id('tags'), label: t('knowledge.fields.tags') },
    owner: { id: id('owner'), label: t('knowledge.fields.owner') },
    reviewDate: { id: id('reviewDate'), label: t('knowledge.fields.reviewDate') },
  });

  const onSubmit = form.submit(() => {
    const data = form.validate(articleDefinitionSchema.safeParse(toDefinition(form.values)), (found) => {
      const mapped = toFormErrors(found);
      for (const key of Object.keys(found)) delete found[key];
      Object.assign(found, mapped);
      if (!found.items && items.data) {
        const known = new Set(items.data.map((item) => item.code));
        const unknown = splitList(form.values.items).filter((code) => !known.has(code));
        if (unknown.length) found.items = t('knowledge.unknownItems', { codes: unknown.join(', ') });
      }
    });
    if (!data) {
      focusLater(editorErrorsId(EDITOR_HEADING));
      return;
    }
    save.mutate(
      { code: article.code, definition: data, version: article.version },
      {
        onSuccess: onSaved,
        onError: (error) => {
          form.report(articleApiErrors(error, t));
          focusLater(editorErrorsId(EDITOR_HEADING));
        },
      },
    );
  });

  // The preview shows what the form holds now, as the article will read.
  const previewDefinition = (() => {
    const parsed = articleDefinitionSchema.safeParse(toDefinition(form.values));
    return parsed.success ? parsed.data : undefined;
  })();

  return (
    <div className="vd-stack vd-stack--loose">
      <EditorPanel
        headingId={EDITOR_HEADING}
        title={t('knowledge.editTitle')}
        form={form}
        mutation={save}
        onSubmit={onSubmit}
        submitLabel={t('knowledge.saveDraft')}
        onCancel={() => navigate('/admin/knowledge')}
        onReload={onReload}
        wide
      >
        <TextField {...form.field('code')} readOnly description={t('knowledge.codeFixed')} />
        <TextField {...form.field('questionNl')} autoComplete="off" maxLength={300} required />
        <TextField {...form.field('questionEn')} lang="en" autoComplete="off" maxLength={300} optional />
        <TextareaField
          {...form.field('answerNl')}
          description={t('knowledge.markdownHint')}
          rows={8}
          required
        />
        <TextareaField {...form.field('answerEn')} lang="en" rows={6} optional />
        <SelectField
          {...form.field('audience')}
          options={AUDIENCES.map((value) => ({ value, label: t(`catalogue.articleAudience.${value}`) }))}
          required
        />
        <TextField
          {...form.field('items')}
          description={t('knowledge.itemsHint')}
          autoComplete="off"
          spellCheck={false}
          optional
          list="kb-item-codes"
        />
        <datalist id="kb-item-codes">
          {items.data?.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name.nl}
            </option>
          ))}
        </datalist>
        <TextField
          {...form.field('tags')}
          description={t('knowledge.tagsHint')}
          autoComplete="off"
          optional
        />
        {canListTeams ? (
          <SelectField
            {...form.field('owner')}
            emptyOption={t('common.none')}
            options={(teams.data ?? []).map((team) => ({ value: team.name, label: team.name }))}
            optional
          >
            {form.values.owner && !teams.data?.some((team) => team.name === form.values.owner) ? (
              <option value={form.values.owner}>{form.values.owner}</option>
            ) : null}
          </SelectField>
        ) : (
          <TextField {...form.field('owner')} autoComplete="off" optional />
        )}
        <TextField {...form.field('reviewDate')} type="date" className="vd-input-short" optional />
      </EditorPanel>

      <Section headingId="kb-preview-heading" title={t('knowledge.previewTitle')} panel>
        {previewDefinition ? (
          <ArticleDetail
            article={{
              ...article,
              reviewDue: false,
              published: null,
              draft: { number: article.draft?.number ?? 0, definition: previewDefinition },
            }}
            headingId="kb-preview-question"
            level={3}
          />
        ) : (
          <Paragraph>{t('knowledge.previewUnavailable')}</Paragraph>
        )}
      </Section>
    </div>
  );
}

function PublishSection({
  article,
  onDone,
  onReload,
}: {
  article: Article;
  onDone: (message: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const publish = useArticleAction('publish');
  const retire = useArticleAction('retire');
  const [confirmRetire, setConfirmRetire] = useState(false);
  const error = publish.error ?? retire.error;
  const conflict = isApiError(error) && error.code === 'version_conflict';
  const body = { code: article.code, version: article.version };
  return (
    <Section headingId="kb-publish-heading" title={t('knowledge.publishTitle')} panel>
      <Paragraph>
        {article.abilities.publish ? t('knowledge.publishIntro') : t('knowledge.nothingToPublish')}
      </Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {conflict ? (
        <div>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </div>
      ) : null}
      <ButtonGroup>
        {article.abilities.publish ? (
          <Button
            appearance="primary-action-button"
            busy={publish.isPending}
            disabled={publish.isPending}
            onClick={() => {
              retire.reset();
              publish.mutate(body, { onSuccess: () => onDone(t('knowledge.published')) });
            }}
          >
            {t('knowledge.publish')}
          </Button>
        ) : null}
        {article.abilities.retire ? (
          <Button appearance="secondary-action-button" hint="danger" onClick={() => setConfirmRetire(true)}>
            {t('knowledge.retire')}
          </Button>
        ) : null}
      </ButtonGroup>
      <ConfirmDialog
        open={confirmRetire}
        title={t('knowledge.retireTitle')}
        confirmLabel={t('knowledge.retire')}
        cancelLabel={t('common.cancel')}
        busy={retire.isPending}
        onCancel={() => setConfirmRetire(false)}
        onConfirm={() => {
          publish.reset();
          retire.mutate(body, {
            onSuccess: () => onDone(t('knowledge.retired')),
            onSettled: () => setConfirmRetire(false),
          });
        }}
      >
        <Paragraph>{t('knowledge.retireBody')}</Paragraph>
      </ConfirmDialog>
    </Section>
  );
}
