import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react';
import {
  type Case,
  type Customer,
  formatPhone,
  formatPostcode,
  type IntakeField,
  type ProfileField,
} from '@voordeur/shared';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { focusLater } from '../../lib/focus.ts';
import { addressLine, houseNumberText } from '../../lib/format.ts';
import { type FieldMeta, useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCatalogueFormat, useCatalogueItem, useExpectedDate } from '../catalogue/index.ts';
import type { CaseBody } from './api.ts';
import { addressInput } from './api.ts';

const HEADING_ID = 'case-form-heading';
const DONE_ID = 'case-created';
const fieldId = (key: string) => `case-field-${key}`;
const DESCRIPTION_ID = 'case-description';
/** Where the reference goes in the sentence, so it can be a link to the case. */
const REFERENCE_SLOT = '\u0000';

/** What the profile says for an intake field's `prefill` ("ask once"). */
function profileValue(customer: Customer | null, field: ProfileField | undefined): string {
  if (!customer || !field) return '';
  const a = customer.address;
  switch (field) {
    case 'name':
      return customer.name;
    case 'email':
      return customer.email ?? '';
    case 'phone':
      return customer.phone ? formatPhone(customer.phone) : '';
    case 'address':
      return a ? addressLine(a) : '';
    case 'postcode':
      return a ? formatPostcode(a.postcode) : '';
    case 'house_number':
      return a ? houseNumberText(a) : '';
    case 'city':
      return a?.city ?? '';
    case 'date_of_birth':
      return customer.dateOfBirth ?? '';
    case 'kvk_number':
      return customer.kvkNumber ?? '';
    case 'employee_number':
      return customer.employeeNumber ?? '';
    case 'department':
      return customer.department ?? '';
    default:
      // The BSN never leaves the server; it is not filled in here.
      return '';
  }
}

type Value = string | string[];

function initialValue(field: IntakeField, customer: Customer | null): Value {
  if (field.type === 'multi_choice') return [];
  if (field.type === 'location') return customer?.address ? addressLine(customer.address) : '';
  return profileValue(customer, field.prefill);
}

export interface CaseFormProps {
  itemCode: string;
  customer: Customer | null;
  /** What the agent typed as question or notes: the start of the description. */
  description: string;
  onCreate: (body: CaseBody) => Promise<Case>;
  /** Close the contact (outcome: case). */
  onFinish: () => void;
  onCancel: () => void;
}

/**
 * Hand over to the back office: the item's intake questions, filled in from the customer's profile where
 * the item says so and the location from their address, so nothing is asked twice. Before sending it says
 * when the person may expect the result; afterwards the reference and the due date to tell them.
 */
export function CaseForm({ itemCode, customer, description, onCreate, onFinish, onCancel }: CaseFormProps) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const item = useCatalogueItem(itemCode);
  const definition = item.data?.published?.definition;
  const expected = useExpectedDate(itemCode, Boolean(item.data?.published));
  const fields = (definition?.intakeFields ?? []).filter((field) => field.type !== 'attachment');
  const label = (field: IntakeField) => f.text(field.label);
  // The error summary's links: the description, each answer, and the location (as the API names them).
  const meta: { description: FieldMeta } & Record<string, FieldMeta> = {
    description: { id: DESCRIPTION_ID, label: t('workspace.case.description') },
  };
  for (const field of fields) meta[`answers.${field.key}`] = { id: fieldId(field.key), label: label(field) };
  for (const field of fields)
    if (field.type === 'location') meta.location = { id: fieldId(field.key), label: label(field) };
  const form = useForm({ description }, meta);
  // The answers: text, or the values chosen of a multiple choice; filled in from the profile once.
  const [values, setValues] = useState<Record<string, Value> | null>(null);
  const create = useMutation({ mutationFn: onCreate });
  const created = create.data;
  const errors = form.errors;

  // Fill in once the item is known; the agent's changes are kept after that.
  useEffect(() => {
    if (definition && values === null) {
      setValues(
        Object.fromEntries(
          definition.intakeFields.map((field) => [field.key, initialValue(field, customer)] as const),
        ),
      );
      const firstEmpty = definition.intakeFields.find(
        (field) => field.required && field.type !== 'attachment' && !initialValue(field, customer).length,
      );
      focusLater(firstEmpty ? fieldId(firstEmpty.key) : HEADING_ID);
    }
  }, [definition, values, customer]);

  if (item.isPending) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  if (item.isError) return <ErrorAlert error={item.error} />;
  if (!definition) return <Notice type="warning">{t('catalogue.expectedUnpublished')}</Notice>;
  const name = f.text(definition.name);

  if (created) {
    return (
      <div className="vd-stack">
        <Heading level={3} id={DONE_ID} tabIndex={-1}>
          {t('workspace.case.createdTitle', { reference: created.reference })}
        </Heading>
        <Notice>
          {t('workspace.case.createdLink', { reference: REFERENCE_SLOT })
            .split(REFERENCE_SLOT)
            .map((part, index) =>
              index === 0 ? (
                part
              ) : (
                <Fragment key={part}>
                  <Link className="utrecht-link utrecht-link--html-a" to={`/cases/${created.id}`}>
                    {created.reference}
                  </Link>
                  {part}
                </Fragment>
              ),
            )}{' '}
          <strong>
            <time dateTime={created.dueDate}>
              {t('workspace.case.tellDue', { date: f.longDate(created.dueDate) })}
            </time>
          </strong>
        </Notice>
        <ButtonGroup>
          <Button appearance="primary-action-button" id="case-finish" onClick={onFinish}>
            {t('workspace.finishContact')}
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  const current = values ?? {};
  const set = (key: string, value: Value) => setValues({ ...current, [key]: value });
  const text = form.values.description;

  const onSubmit = form.submit(() => {
    // A new attempt: the last request's problem is no longer shown.
    create.reset();
    const found: FieldErrors = {};
    if (!text.trim()) found.description = t('validation.required');
    const answers: Record<string, unknown> = {};
    let location: CaseBody['location'];
    for (const field of fields) {
      const value = current[field.key] ?? '';
      const empty = Array.isArray(value) ? value.length === 0 : !value.trim();
      if (empty) {
        if (field.required)
          found[`answers.${field.key}`] =
            field.type === 'choice' || field.type === 'yes_no'
              ? t('validation.choose')
              : t('validation.required');
        continue;
      }
      if (Array.isArray(value)) answers[field.key] = value;
      else if (field.type === 'location') {
        // The customer's own address goes as an address; anything else as the agent described it.
        const own = customer?.address;
        location =
          own && value.trim() === addressLine(own)
            ? { address: addressInput(own) }
            : { description: value.trim() };
      } else if (field.type === 'number') {
        const n = Number(value.replace(',', '.'));
        if (Number.isFinite(n)) answers[field.key] = n;
        else found[`answers.${field.key}`] = t('validation.invalid');
      } else if (field.type === 'yes_no') answers[field.key] = value === 'yes';
      else answers[field.key] = value.trim();
    }
    if (!form.report(found)) return;
    create.mutate(
      { itemCode, description: text.trim(), answers, ...(location ? { location } : {}) },
      { onSuccess: () => focusLater('case-finish'), onError: form.onError },
    );
  });

  return (
    <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby={HEADING_ID}>
      <Heading level={3} id={HEADING_ID} tabIndex={-1}>
        {t('workspace.case.title', { name })}
      </Heading>
      <FormErrorAlert form={form} error={create.error} />
      {fields.map((field) => (
        <IntakeInput
          key={field.key}
          field={field}
          label={label(field)}
          help={field.help ? f.text(field.help) : undefined}
          value={current[field.key] ?? ''}
          onChange={(value) => set(field.key, value)}
          error={errors[`answers.${field.key}`] ?? (field.type === 'location' ? errors.location : undefined)}
          prefilled={Boolean(
            (field.prefill || (field.type === 'location' && customer?.address)) &&
              initialValue(field, customer).length,
          )}
        />
      ))}
      <TextareaField {...form.field('description')} rows={3} maxLength={4000} required />
      <Paragraph>
        <strong>{t('workspace.case.expectedLabel')}</strong>{' '}
        {expected.data ? (
          <time dateTime={expected.data.expectedDate} id="case-expected">
            {f.longDate(expected.data.expectedDate)}
          </time>
        ) : expected.isError ? (
          t('catalogue.expectedUnknown')
        ) : (
          t('app.loading')
        )}
      </Paragraph>
      <ButtonGroup>
        <SubmitButton busy={create.isPending}>{t('workspace.case.submit')}</SubmitButton>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {t('workspace.backToSearch')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

interface IntakeInputProps {
  field: IntakeField;
  label: string;
  help: string | undefined;
  value: Value;
  onChange: (value: Value) => void;
  error: string | undefined;
  prefilled: boolean;
}

/** One intake question as the control its type asks for. */
function IntakeInput({ field, label, help, value, onChange, error, prefilled }: IntakeInputProps) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const id = fieldId(field.key);
  const description = [help, prefilled ? t('workspace.case.prefilled') : null].filter(Boolean).join(' ');
  const common = {
    id,
    label,
    description: description || undefined,
    error,
    optional: !field.required,
  };
  const text = Array.isArray(value) ? '' : value;
  switch (field.type) {
    case 'choice':
      return (
        <SelectField
          {...common}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          emptyOption={t('common.choose')}
          options={(field.options ?? []).map((option) => ({
            value: option.value,
            label: f.text(option.label),
          }))}
          required={field.required}
        />
      );
    case 'yes_no':
      return (
        <SelectField
          {...common}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          emptyOption={t('common.choose')}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
      );
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className="vd-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
          <legend>{label}</legend>
          {error ? (
            <p className="utrecht-form-field-error-message" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          {(field.options ?? []).map((option, index) => (
            <CheckboxField
              key={option.value}
              id={index === 0 ? id : `${id}-${option.value}`}
              label={f.text(option.label)}
              checked={chosen.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...chosen, option.value]
                    : chosen.filter((chosenValue) => chosenValue !== option.value),
                )
              }
            />
          ))}
        </fieldset>
      );
    }
    case 'long_text':
      return (
        <TextareaField
          {...common}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          rows={3}
          maxLength={4000}
        />
      );
    default:
      return (
        <TextField
          {...common}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          required={field.required}
        />
      );
  }
}
