import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import {
  fieldId,
  newStatusRow,
  newTransitionRow,
  type StatusRow,
  type TransitionRow,
} from './definitionForm.ts';
import { KeyedRow, keyedRow, rowControl } from './KeyedRow.tsx';
import { moveRow, patchRow, RowActions, RowList } from './RowActions.tsx';

const ADD_STATUS_ID = 'cat-status-add';
const ADD_TRANSITION_ID = 'cat-transition-add';
const statusRowId = (index: number) => fieldId(`handling.statuses.${index}`);
const transitionRowId = (index: number) => fieldId(`handling.transitions.${index}`);

export interface WorkflowEditorProps {
  statuses: StatusRow[];
  transitions: TransitionRow[];
  onChange: (statuses: StatusRow[], transitions: TransitionRow[]) => void;
  errors: FieldErrors;
}

/**
 * The workflow of a case (zaaktype): the statuses in order (the first is where a case starts), each
 * public or internal, with the text the person is told, whether the norm's clock stops and whether it
 * ends the case; and the allowed transitions, from → to. Renaming a status key renames it in the
 * transitions too; removing a status removes its transitions.
 */
export function WorkflowEditor({ statuses, transitions, onChange, errors }: WorkflowEditorProps) {
  const { t } = useTranslation();
  const keys = statuses.map((status) => status.key).filter(Boolean);

  const updateStatus = (index: number, patch: Partial<StatusRow>) => {
    const old = statuses[index]?.key;
    const renamed = patch.key !== undefined && old ? { from: old, to: patch.key } : null;
    const nextTransitions = renamed
      ? transitions.map((tr) => ({
          ...tr,
          from: tr.from === renamed.from ? renamed.to : tr.from,
          to: tr.to === renamed.from ? renamed.to : tr.to,
        }))
      : transitions;
    onChange(patchRow(statuses, index, patch), nextTransitions);
  };
  const removeStatus = (index: number) => {
    const key = statuses[index]?.key;
    onChange(
      statuses.filter((_, i) => i !== index),
      transitions.filter((tr) => !key || (tr.from !== key && tr.to !== key)),
    );
  };

  /** The statuses to choose from; a key that is gone stays visible as it is, so nothing changes silently. */
  const statusOptions = (current: string) => [
    ...statuses
      .filter((status) => status.key)
      .map((status) => ({ value: status.key, label: `${status.label.nl || status.key} (${status.key})` })),
    ...(current && !keys.includes(current) ? [{ value: current, label: current }] : []),
  ];

  const transitionList = (
    <RowList
      level={4}
      headingId="cat-transitions-heading"
      title={t('catalogueAdmin.workflow.transitions')}
      intro={t('catalogueAdmin.workflow.transitionsIntro')}
      empty={transitions.length === 0 ? t('catalogueAdmin.workflow.noTransitions') : null}
      add={{
        id: ADD_TRANSITION_ID,
        label: t('catalogueAdmin.workflow.addTransition'),
        onAdd: () => onChange(statuses, [...transitions, newTransitionRow()]),
        focusId: fieldId(`handling.transitions.${transitions.length}.from`),
      }}
    >
      {transitions.map((row, index) => {
        const path = (part: string) => `handling.transitions.${index}.${part}`;
        const name = t('catalogueAdmin.workflow.transitionLegend', { n: index + 1 });
        return (
          <fieldset key={row.rowKey} className="vd-row vd-row--inline">
            <legend className="vd-row__legend">{name}</legend>
            {(['from', 'to'] as const).map((end) => (
              <SelectField
                key={end}
                id={fieldId(path(end))}
                error={errors[path(end)]}
                label={t(`catalogueAdmin.workflow.${end}`)}
                value={row[end]}
                onChange={(event) =>
                  onChange(statuses, patchRow(transitions, index, { [end]: event.target.value }))
                }
                emptyOption={t('common.choose')}
                options={statusOptions(row[end])}
                required
              />
            ))}
            <RowActions
              idOf={transitionRowId}
              index={index}
              count={transitions.length}
              name={name}
              afterRemoveId={ADD_TRANSITION_ID}
              onRemove={(i) =>
                onChange(
                  statuses,
                  transitions.filter((_, j) => j !== i),
                )
              }
            />
          </fieldset>
        );
      })}
    </RowList>
  );

  return (
    <RowList
      level={3}
      headingId="cat-workflow-heading"
      title={t('catalogueAdmin.workflow.title')}
      intro={t('catalogueAdmin.workflow.intro')}
      empty={null}
      add={{
        id: ADD_STATUS_ID,
        label: t('catalogueAdmin.workflow.addStatus'),
        onAdd: () => onChange([...statuses, newStatusRow()], transitions),
        focusId: fieldId(`handling.statuses.${statuses.length}.key`),
      }}
      after={transitionList}
    >
      {errors['handling.statuses'] ? (
        <Paragraph className="utrecht-form-field-error-message">{errors['handling.statuses']}</Paragraph>
      ) : null}
      {statuses.map((row, index) => {
        const { path, name } = keyedRow('status', index, t);
        const control = rowControl(errors, path);
        const update = (patch: Partial<StatusRow>) => updateStatus(index, patch);
        return (
          <KeyedRow
            key={row.rowKey}
            list="status"
            index={index}
            onChange={update}
            row={row}
            errors={errors}
            fields={
              <SelectField
                {...control('visibility')}
                label={t('catalogueAdmin.workflow.visibility')}
                value={row.visibility}
                onChange={(event) => update({ visibility: event.target.value as StatusRow['visibility'] })}
                options={[
                  { value: 'public', label: t('catalogueAdmin.workflow.public') },
                  { value: 'internal', label: t('catalogueAdmin.workflow.internal') },
                ]}
              />
            }
          >
            <div className="vd-columns">
              <TextareaField
                {...control('publicText.nl')}
                label={t('catalogueAdmin.workflow.publicText')}
                description={t('catalogueAdmin.workflow.publicTextHint')}
                optional={row.visibility !== 'public'}
                value={row.publicText.nl}
                onChange={(event) => update({ publicText: { ...row.publicText, nl: event.target.value } })}
                rows={2}
                maxLength={2000}
                lang="nl"
              />
              <TextareaField
                {...control('publicText.en')}
                label={t('catalogueAdmin.inEnglish', { label: t('catalogueAdmin.workflow.publicText') })}
                description={t('catalogueEnglish.rowHint')}
                optional
                value={row.publicText.en ?? ''}
                onChange={(event) => update({ publicText: { ...row.publicText, en: event.target.value } })}
                rows={2}
                maxLength={2000}
                lang="en"
              />
            </div>
            <div className="vd-row__checks">
              {(['stopsClock', 'final'] as const).map((flag) => (
                <CheckboxField
                  key={flag}
                  id={control(flag).id}
                  label={t(`catalogueAdmin.workflow.${flag}`)}
                  checked={row[flag]}
                  onChange={(event) => update({ [flag]: event.target.checked })}
                />
              ))}
            </div>
            {control('final').error ? (
              <Paragraph className="utrecht-form-field-error-message">{control('final').error}</Paragraph>
            ) : null}
            <RowActions
              idOf={statusRowId}
              index={index}
              count={statuses.length}
              name={name}
              afterRemoveId={ADD_STATUS_ID}
              onMove={(from, to) => onChange(moveRow(statuses, from, to), transitions)}
              onRemove={removeStatus}
            />
          </KeyedRow>
        );
      })}
    </RowList>
  );
}
