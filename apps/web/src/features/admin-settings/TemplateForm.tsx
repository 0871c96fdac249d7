import {
  CASE_LIMITS,
  type MessageTemplate,
  messageTemplateInputSchema,
  TEMPLATE_PLACEHOLDERS,
  templateKeyParamsSchema,
} from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { EditorPanel } from '../../lib/EditorPanel.tsx';
import { useForm } from '../../lib/useForm.ts';
import type { EditorFormProps } from '../../lib/useListEditor.ts';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useSaveTemplate } from './api.ts';
import { settingsFieldErrors } from './reasons.ts';

/** The placeholders a template may use (the API's own list); the API refuses others and names them. */
export const placeholderList = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');

/** A template as the list shows it: keyed by its key, for the list editor. */
export type TemplateRow = MessageTemplate & { id: string };

export interface TemplateFormProps extends EditorFormProps<TemplateRow> {
  template?: TemplateRow | undefined;
}

type Values = {
  key: string;
  name: string;
  subjectNl: string;
  subjectEn: string;
  bodyNl: string;
  bodyEn: string;
};
/** The form's fields by the paths the schema and the API name. */
const PATHS: Record<string, keyof Values> = {
  key: 'key',
  name: 'name',
  'subject.nl': 'subjectNl',
  'subject.en': 'subjectEn',
  'body.nl': 'bodyNl',
  'body.en': 'bodyEn',
};
const toField = (path: string) => PATHS[path] ?? path;

/**
 * Change a message template in Dutch and English beside each other, or add a new one under its own key. Saving a
 * standard text makes the organisation's own version of it; an own version sends the version it started from.
 */
export function TemplateForm({ template, onDone, ...panel }: TemplateFormProps) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const prefix = template ? `template-${template.key}` : 'template-create';
  const label = (key: 'subject' | 'body', lang: 'nl' | 'en') =>
    t(lang === 'nl' ? 'catalogueAdmin.inDutch' : 'catalogueAdmin.inEnglish', {
      label: t(`adminSettings.templates.${key}`),
    });
  const form = useForm<Values>(
    {
      key: template?.key ?? '',
      name: template?.name ?? '',
      subjectNl: template?.subject.nl ?? '',
      subjectEn: template?.subject.en ?? '',
      bodyNl: template?.body.nl ?? '',
      bodyEn: template?.body.en ?? '',
    },
    {
      key: { id: `${prefix}-key`, label: t('adminSettings.templates.key') },
      name: { id: `${prefix}-name`, label: t('adminSettings.templates.name') },
      subjectNl: { id: `${prefix}-subject-nl`, label: label('subject', 'nl') },
      subjectEn: { id: `${prefix}-subject-en`, label: label('subject', 'en') },
      bodyNl: { id: `${prefix}-body-nl`, label: label('body', 'nl') },
      bodyEn: { id: `${prefix}-body-en`, label: label('body', 'en') },
    },
  );

  const onSubmit = form.submit(() => {
    const v = form.values;
    const input = {
      name: v.name,
      subject: { nl: v.subjectNl, en: v.subjectEn },
      body: { nl: v.bodyNl, en: v.bodyEn },
      ...(template?.version ? { version: template.version } : {}),
    };
    const parsed = messageTemplateInputSchema.safeParse(input);
    const key = template ? template.key : v.key.trim();
    const keyCheck = templateKeyParamsSchema.safeParse({ key });
    const data = form.validate(
      parsed.success
        ? parsed
        : {
            success: false as const,
            error: {
              issues: parsed.error.issues.map((issue) => ({
                ...issue,
                path: [toField(issue.path.map(String).join('.'))],
              })),
            },
          },
      keyCheck.success ? {} : { key: t('adminSettings.templates.keyFormat') },
    );
    if (!data || !keyCheck.success) return;
    save.mutate(
      { key, ...data },
      {
        onSuccess: () => onDone({ ...(template as TemplateRow), key, id: key, name: data.name }),
        onError: (error) => {
          const found = settingsFieldErrors(error, t);
          form.report(Object.fromEntries(Object.entries(found).map(([path, m]) => [toField(path), m])));
        },
      },
    );
  });

  return (
    <EditorPanel
      {...panel}
      wide
      title={
        template
          ? t('adminSettings.templates.editTitle', { name: template.name })
          : t('adminSettings.templates.createTitle')
      }
      form={form}
      mutation={save}
      onSubmit={onSubmit}
      submitLabel={template ? t('common.save') : t('adminSettings.templates.createSubmit')}
    >
      {template?.builtIn ? <Paragraph>{t('adminSettings.templates.builtInHint')}</Paragraph> : null}
      {template ? null : (
        <TextField
          {...form.field('key')}
          description={t('adminSettings.templates.keyHint')}
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          required
        />
      )}
      <TextField {...form.field('name')} maxLength={120} autoComplete="off" required />
      <Paragraph id={`${prefix}-placeholders`}>
        {t('adminSettings.templates.placeholders', { list: placeholderList })}
      </Paragraph>
      <div className="vd-columns">
        <TextField {...form.field('subjectNl')} lang="nl" maxLength={200} autoComplete="off" required />
        <TextField {...form.field('subjectEn')} lang="en" maxLength={200} autoComplete="off" required />
      </div>
      <div className="vd-columns">
        <TextareaField
          {...form.field('bodyNl')}
          lang="nl"
          rows={10}
          maxLength={CASE_LIMITS.messageMax}
          required
        />
        <TextareaField
          {...form.field('bodyEn')}
          lang="en"
          rows={10}
          maxLength={CASE_LIMITS.messageMax}
          required
        />
      </div>
    </EditorPanel>
  );
}
