import { FIELD_TYPES, type FieldType, PROFILE_FIELDS, type ProfileField } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { fieldId, type IntakeRow, newIntakeRow, parseEnglishOptions } from './definitionForm.ts';
import { KeyedRow, keyedRow, rowControl } from './KeyedRow.tsx';
import { moveRow, patchRow, RowActions, RowList } from './RowActions.tsx';

const ADD_ID = 'cat-intake-add';
const rowId = (index: number) => fieldId(`intakeFields.${index}`);

export interface IntakeFieldsEditorProps {
  rows: IntakeRow[];
  onChange: (rows: IntakeRow[]) => void;
  errors: FieldErrors;
}

/**
 * The questions of the intake form, in order: key, question, type, required, help, the options of a
 * choice, and the customer-profile field that fills it in ("ask once"). Add, remove and reorder with the
 * keyboard; focus follows.
 */
export function IntakeFieldsEditor({ rows, onChange, errors }: IntakeFieldsEditorProps) {
  const { t } = useTranslation();
  return (
    <RowList
      level={3}
      headingId="cat-intake-heading"
      title={t('catalogueAdmin.intake.title')}
      intro={t('catalogueAdmin.intake.intro')}
      empty={rows.length === 0 ? t('catalogueAdmin.intake.empty') : null}
      add={{
        id: ADD_ID,
        label: t('catalogueAdmin.intake.add'),
        onAdd: () => onChange([...rows, newIntakeRow()]),
        focusId: fieldId(`intakeFields.${rows.length}.key`),
      }}
    >
      {rows.map((row, index) => (
        <IntakeFieldRow key={row.rowKey} rows={rows} index={index} onChange={onChange} errors={errors} />
      ))}
    </RowList>
  );
}

/** One question of the intake form. */
function IntakeFieldRow({ rows, index, onChange, errors }: IntakeFieldsEditorProps & { index: number }) {
  const { t } = useTranslation();
  const row = rows[index]!;
  const { path, name } = keyedRow('intake', index, t);
  const control = rowControl(errors, path);
  const update = (patch: Partial<IntakeRow>) => onChange(patchRow(rows, index, patch));
  const choice = row.type === 'choice' || row.type === 'multi_choice';
  return (
    <KeyedRow
      list="intake"
      index={index}
      row={row}
      errors={errors}
      onChange={update}
      fields={
        <>
          <SelectField
            {...control('type')}
            label={t('catalogueAdmin.intake.type')}
            value={row.type}
            onChange={(event) => update({ type: event.target.value as FieldType })}
            options={FIELD_TYPES.map((value) => ({ value, label: t(`catalogue.fieldType.${value}`) }))}
          />
          <SelectField
            {...control('prefill')}
            label={t('catalogueAdmin.intake.prefill')}
            value={row.prefill}
            onChange={(event) => update({ prefill: event.target.value as ProfileField | '' })}
            emptyOption={t('catalogueAdmin.intake.noPrefill')}
            options={PROFILE_FIELDS.map((value) => ({ value, label: t(`catalogue.profile.${value}`) }))}
          />
        </>
      }
    >
      <CheckboxField
        id={control('required').id}
        label={t('catalogueAdmin.intake.required')}
        checked={row.required}
        onChange={(event) => update({ required: event.target.checked })}
      />
      <div className="vd-columns">
        <TextareaField
          {...control('help.nl')}
          label={t('catalogueAdmin.intake.help')}
          optional
          value={row.help.nl}
          onChange={(event) => update({ help: { ...row.help, nl: event.target.value } })}
          rows={2}
          maxLength={1000}
          lang="nl"
        />
        <TextareaField
          {...control('help.en')}
          label={t('catalogueAdmin.inEnglish', { label: t('catalogueAdmin.intake.help') })}
          optional
          value={row.help.en ?? ''}
          onChange={(event) => update({ help: { ...row.help, en: event.target.value } })}
          rows={2}
          maxLength={1000}
          lang="en"
        />
      </div>
      {choice ? (
        <div className="vd-columns">
          <TextareaField
            {...control('options')}
            label={t('catalogueAdmin.intake.options')}
            description={t('catalogueAdmin.intake.optionsHint')}
            value={row.optionsText}
            onChange={(event) => update({ optionsText: event.target.value })}
            rows={4}
            lang="nl"
            required
          />
          <TextareaField
            {...control('optionsEn')}
            label={t('catalogueAdmin.inEnglish', { label: t('catalogueAdmin.intake.options') })}
            description={t('catalogueEnglish.optionsHint')}
            value={row.optionsEnText}
            onChange={(event) =>
              update({
                optionsEnText: event.target.value,
                optionsEn: parseEnglishOptions(event.target.value),
              })
            }
            rows={4}
            lang="en"
            optional
          />
        </div>
      ) : null}
      <RowActions
        idOf={rowId}
        index={index}
        count={rows.length}
        name={name}
        afterRemoveId={ADD_ID}
        onMove={(from, to) => onChange(moveRow(rows, from, to))}
        onRemove={(i) => onChange(rows.filter((_, j) => j !== i))}
      />
    </KeyedRow>
  );
}
