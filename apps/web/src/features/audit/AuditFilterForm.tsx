import { Button } from '@utrecht/button-react';
import { AUDIT_ENTITY_TYPES, type User } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { auditEntityLabel } from '../../i18n/auditWords.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** Filter values as typed, dates as `YYYY-MM-DD`. */
export interface AuditFilterValues {
  entityType: string;
  entityId: string;
  actorId: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilterValues = {
  entityType: '',
  entityId: '',
  actorId: '',
  from: '',
  to: '',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX = 64;

export interface AuditFilterFormProps {
  initial: AuditFilterValues;
  /** Users to pick the actor from; null when the caller may not list users (type an id instead). */
  users: User[] | null;
  onApply: (values: AuditFilterValues) => void;
  onReset: () => void;
}

export function AuditFilterForm({ initial, users, onApply, onReset }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const form = useForm(initial, {
    entityType: { id: 'audit-entity-type', label: t('audit.entityType') },
    entityId: { id: 'audit-entity-id', label: t('audit.entityId') },
    actorId: { id: 'audit-actor', label: users ? t('audit.actor') : t('audit.actorId') },
    from: { id: 'audit-from', label: t('audit.from') },
    to: { id: 'audit-to', label: t('audit.to') },
  });
  const { values } = form;

  const onSubmit = form.submit(() => {
    const trimmed = {
      ...values,
      entityType: values.entityType.trim(),
      entityId: values.entityId.trim(),
      actorId: values.actorId.trim(),
    };
    const found: FieldErrors = {};
    if (trimmed.entityType.length > MAX) found.entityType = t('validation.tooLong', { max: MAX });
    if (trimmed.entityId.length > MAX) found.entityId = t('validation.tooLong', { max: MAX });
    if (trimmed.actorId && !UUID.test(trimmed.actorId)) found.actorId = t('validation.uuid');
    if (trimmed.from && trimmed.to && trimmed.to < trimmed.from) found.to = t('validation.dateOrder');
    if (form.report(found)) onApply(trimmed);
  });

  return (
    <Section headingId="audit-filters-heading" title={t('audit.filtersTitle')} panel>
      <FormErrorAlert form={form} />
      <form className="vd-form vd-filters" onSubmit={onSubmit} noValidate>
        <div className="vd-filters__grid">
          <SelectField
            {...form.field('entityType')}
            emptyOption={t('audit.entityTypeAll')}
            options={AUDIT_ENTITY_TYPES.map((type) => ({
              value: type,
              label: auditEntityLabel(type, t),
            })).sort((a, b) => a.label.localeCompare(b.label))}
          >
            {values.entityType && !(AUDIT_ENTITY_TYPES as readonly string[]).includes(values.entityType) ? (
              <option value={values.entityType}>{values.entityType}</option>
            ) : null}
          </SelectField>
          <TextField {...form.field('entityId')} autoComplete="off" />
          {users ? (
            <SelectField
              {...form.field('actorId')}
              emptyOption={t('audit.actorAll')}
              options={users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
            />
          ) : (
            <TextField {...form.field('actorId')} description={t('audit.actorIdHint')} autoComplete="off" />
          )}
          <TextField {...form.field('from')} type="date" />
          <TextField {...form.field('to')} type="date" />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('audit.apply')}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              form.reset(emptyAuditFilters);
              onReset();
            }}
          >
            {t('audit.reset')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}
