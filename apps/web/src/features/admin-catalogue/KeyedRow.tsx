import type { LocalText } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { TextField } from '../../ui/TextField.tsx';
import { fieldId } from './definitionForm.ts';

/** Id and error of a control in a row, by its part (`key`, `label.nl`) under the row's path. */
export const rowControl = (errors: FieldErrors, path: string) => (part: string) => ({
  id: fieldId(`${path}.${part}`),
  error: errors[`${path}.${part}`],
});

/** The two lists whose rows have a key and a label: where they live in a definition, and their words. */
const LISTS = {
  intake: {
    path: 'intakeFields',
    legend: 'catalogueAdmin.intake.legend',
    key: 'catalogueAdmin.intake.key',
    label: 'catalogueAdmin.intake.label',
    labelMax: 200,
  },
  status: {
    path: 'handling.statuses',
    legend: 'catalogueAdmin.workflow.statusLegend',
    key: 'catalogueAdmin.workflow.key',
    label: 'catalogueAdmin.workflow.label',
    labelMax: 120,
  },
} as const;

export type KeyedList = keyof typeof LISTS;

/** The definition path of a row (`intakeFields.2`) and its name ("Veld 3"). */
export function keyedRow(list: KeyedList, index: number, t: TFunction) {
  const path = `${LISTS[list].path}.${index}`;
  return { path, name: t(LISTS[list].legend, { n: index + 1 }) };
}

export interface KeyedRowProps {
  list: KeyedList;
  index: number;
  row: { key: string; label: LocalText };
  errors: FieldErrors;
  onChange: (patch: { key?: string; label?: LocalText }) => void;
  /** More fields next to the key and the label. */
  fields: ReactNode;
  /** What comes below them: more fields and the row's buttons. */
  children: ReactNode;
}

/**
 * One row of a list editor with a key and a label in Dutch and English (an intake field, a workflow status): a
 * fieldset named "Veld 3: Waar is het?", its key and label fields, and whatever else the row holds.
 */
export function KeyedRow({ list, index, row, errors, onChange, fields, children }: KeyedRowProps) {
  const { t } = useTranslation();
  const { path, name } = keyedRow(list, index, t);
  const control = rowControl(errors, path);
  const words = LISTS[list];
  return (
    <fieldset className="vd-row">
      <legend className="vd-row__legend">{row.label.nl ? `${name}: ${row.label.nl}` : name}</legend>
      <div className="vd-row__fields">
        <TextField
          {...control('key')}
          label={t(words.key)}
          description={t('catalogueAdmin.keyHint')}
          value={row.key}
          onChange={(event) => onChange({ key: event.target.value })}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          required
        />
        <TextField
          {...control('label.nl')}
          label={t(words.label)}
          value={row.label.nl}
          onChange={(event) => onChange({ label: { ...row.label, nl: event.target.value } })}
          autoComplete="off"
          maxLength={words.labelMax}
          lang="nl"
          required
        />
        <TextField
          {...control('label.en')}
          label={t('catalogueAdmin.inEnglish', { label: t(words.label) })}
          value={row.label.en ?? ''}
          onChange={(event) => onChange({ label: { ...row.label, en: event.target.value } })}
          autoComplete="off"
          maxLength={words.labelMax}
          lang="en"
          optional
        />
        {fields}
      </div>
      {children}
    </fieldset>
  );
}
