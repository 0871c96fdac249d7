import {
  AUDIENCES,
  type Audience,
  CATALOGUE_LIMITS,
  type CatalogueItem,
  ITEM_KINDS,
  type ItemKind,
} from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { EditorPanel } from '../../lib/EditorPanel.tsx';
import { useForm } from '../../lib/useForm.ts';
import type { EditorFormProps } from '../../lib/useListEditor.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCreateItem } from '../catalogue/index.ts';
import { apiErrors } from './apiErrors.ts';
import { catalogueField, checkDefinition, templateDefinition } from './definitionForm.ts';

export interface CreateItemFormProps extends Omit<EditorFormProps<{ id: string }>, 'onDone'> {
  onDone: (item: CatalogueItem) => void;
}

/**
 * A new item: code, name, kind, audience and summary; the rest starts from a template (a three-status
 * workflow, five working days) and is edited on the item's own page.
 */
export function CreateItemForm({ onDone, ...panel }: CreateItemFormProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateItem();
  const form = useForm<{
    code: string;
    'name.nl': string;
    kind: ItemKind;
    audience: Audience;
    'summary.nl': string;
  }>(
    { code: '', 'name.nl': '', kind: 'report', audience: 'external', 'summary.nl': '' },
    {
      code: { id: 'cat-new-code', label: t('catalogueAdmin.fields.code') },
      'name.nl': { id: 'cat-new-name', label: catalogueField(t, 'name') },
      kind: { id: 'cat-new-kind', label: catalogueField(t, 'kind') },
      audience: { id: 'cat-new-audience', label: catalogueField(t, 'audience') },
      'summary.nl': { id: 'cat-new-summary', label: catalogueField(t, 'summary') },
    },
  );

  const onSubmit = form.submit(() => {
    const v = form.values;
    const definition = templateDefinition(
      { code: v.code, name: v['name.nl'], summary: v['summary.nl'], kind: v.kind, audience: v.audience },
      // The template's texts are content in Dutch (the catalogue's first language), whatever the interface speaks.
      i18n.getFixedT('nl'),
    );
    const checked = checkDefinition(definition, t);
    const own = Object.fromEntries(
      Object.entries(checked.errors ?? {}).filter(([key]) => key in form.fields || key === 'description.nl'),
    );
    // The description starts as the summary: what is wrong with one is wrong with the other.
    if (own['description.nl'] && !own['summary.nl']) own['summary.nl'] = own['description.nl'];
    delete own['description.nl'];
    if (!form.report(own) || !checked.data) return;
    create.mutate(checked.data, {
      onSuccess: onDone,
      onError: (error) => form.report(apiErrors(error, t)),
    });
  });

  return (
    <EditorPanel
      {...panel}
      title={t('catalogueAdmin.createTitle')}
      form={form}
      mutation={create}
      onSubmit={onSubmit}
      submitLabel={t('catalogueAdmin.createSubmit')}
    >
      <TextField
        {...form.field('code')}
        description={t('catalogueAdmin.codeHint')}
        maxLength={CATALOGUE_LIMITS.codeMax}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <TextField
        {...form.field('name.nl')}
        maxLength={CATALOGUE_LIMITS.nameMax}
        autoComplete="off"
        required
      />
      <SelectField
        {...form.field('kind')}
        options={ITEM_KINDS.map((value) => ({ value, label: t(`catalogue.kind.${value}`) }))}
      />
      <SelectField
        {...form.field('audience')}
        options={AUDIENCES.map((value) => ({ value, label: t(`catalogue.audience.${value}`) }))}
      />
      <TextareaField
        {...form.field('summary.nl')}
        maxLength={CATALOGUE_LIMITS.summaryMax}
        rows={3}
        required
      />
    </EditorPanel>
  );
}
