import { Button } from '@utrecht/button-react';
import type { User } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors, hasErrors } from '../../app/fieldErrors.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ENTITY_TYPES, entityTypeLabel } from './labels.ts';

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
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));

  const fields = {
    entityType: { id: 'audit-entity-type', label: t('audit.entityType') },
    entityId: { id: 'audit-entity-id', label: t('audit.entityId') },
    actorId: { id: 'audit-actor', label: users ? t('audit.actor') : t('audit.actorId') },
    from: { id: 'audit-from', label: t('audit.from') },
    to: { id: 'audit-to', label: t('audit.to') },
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
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
    setErrors(found);
    if (!hasErrors(found)) onApply(trimmed);
  };

  return (
    <section className="vd-panel vd-stack" aria-labelledby="audit-filters-heading">
      <Heading level={2} id="audit-filters-heading">
        {t('audit.filtersTitle')}
      </Heading>
      <ErrorAlert key={attempt} fieldErrors={errors} fields={fields} />
      <form className="vd-form vd-filters" onSubmit={onSubmit} noValidate>
        <div className="vd-filters__grid">
          <SelectField
            id={fields.entityType.id}
            label={fields.entityType.label}
            value={values.entityType}
            onChange={set('entityType')}
            error={errors.entityType}
          >
            <option value="">{t('audit.entityTypeAll')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityTypeLabel(type, t)}
              </option>
            ))}
            {values.entityType && !(ENTITY_TYPES as readonly string[]).includes(values.entityType) ? (
              <option value={values.entityType}>{values.entityType}</option>
            ) : null}
          </SelectField>
          <TextField
            id={fields.entityId.id}
            label={fields.entityId.label}
            value={values.entityId}
            onChange={set('entityId')}
            error={errors.entityId}
            autoComplete="off"
          />
          {users ? (
            <SelectField
              id={fields.actorId.id}
              label={fields.actorId.label}
              value={values.actorId}
              onChange={set('actorId')}
              error={errors.actorId}
            >
              <option value="">{t('audit.actorAll')}</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({user.email})
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField
              id={fields.actorId.id}
              label={fields.actorId.label}
              description={t('audit.actorIdHint')}
              value={values.actorId}
              onChange={set('actorId')}
              error={errors.actorId}
              autoComplete="off"
            />
          )}
          <TextField
            id={fields.from.id}
            type="date"
            label={fields.from.label}
            value={values.from}
            onChange={set('from')}
            error={errors.from}
          />
          <TextField
            id={fields.to.id}
            type="date"
            label={fields.to.label}
            value={values.to}
            onChange={set('to')}
            error={errors.to}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('audit.apply')}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setValues(emptyAuditFilters);
              setErrors({});
              onReset();
            }}
          >
            {t('audit.reset')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
