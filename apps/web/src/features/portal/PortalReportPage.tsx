import {
  CASE_LIMITS,
  type IntakeField,
  PORTAL_LIMITS,
  type PortalItem,
  type PortalReportBody,
  type PortalReportResult,
  portalReportSchema,
  REACH_CHOICES,
  type ReachChoice,
} from '@voordeur/shared';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { serverPageHref } from '../../i18n/index.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { focusLater } from '../../lib/focus.ts';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { problemMessage } from '../../lib/problemMessage.ts';
import { StatusContent } from '../../lib/StatusContent.tsx';
import { useOrganisationTheme } from '../../lib/theme.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { type FieldMeta, useForm } from '../../lib/useForm.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Field } from '../../ui/Field.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCatalogueFormat } from '../catalogue/index.ts';
import { LOCATION_FIELD_ID, LocationField, type LocationValue } from '../location/index.ts';
import { usePortalItem, useSendReport } from './api.ts';

const fieldId = (key: string) => `report-field-${key}`;
const ALERT_ID = 'report-errors';
/** Contact details answer the form's questions that the profile would fill in ("ask once"). */
const CONTACT_PREFILLS = new Set(['name', 'email', 'phone']);
const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf,.heic';

type Value = string | string[];

/** The intake question asked here: not those the contact details answer, not files (asked apart). */
const asked = (field: PortalItem['intakeFields'][number]) =>
  !(field.type === 'text' && field.prefill && CONTACT_PREFILLS.has(field.prefill));

/** A typed answer from what was typed or chosen; what cannot be one is sent as typed, for the schema to refuse. */
function typed(field: PortalItem['intakeFields'][number], value: Value | undefined): unknown {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  const v = value.trim();
  if (!v) return undefined;
  if (field.type === 'number') {
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) ? n : v;
  }
  if (field.type === 'yes_no') return v === 'yes' ? true : v === 'no' ? false : v;
  return v;
}

/**
 * The form of one service (/p/<slug>/diensten/<code>/melden), generated from its intake fields and checked in
 * the browser by the same schema the API checks it with (`portalReportSchema`). Errors are listed on top, each
 * linked to its field. Contact details with the choice how to hear back: email, phone, or a letter by post.
 * Files are uploaded first and named in the report. On success: the confirmation page.
 */
export function PortalReportPage() {
  const { t, i18n } = useTranslation();
  const { slug = '', code = '' } = useParams();
  const organisation = useOrganisationTheme(slug);
  const item = usePortalItem(slug, code);
  const data = item.data;
  const f = useCatalogueFormat();
  const title = data ? f.text(data.name) : t('portal.report.title');
  useDocumentTitle(data ? `${title} — ${data.organisation.name}` : title);

  if (item.isError && isApiError(item.error) && item.error.status === 404) {
    return (
      <PublicLayout>
        <StatusContent kind="notFound" showHomeLink={false} />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout organisation={organisation.data?.name ?? data?.organisation.name}>
      <div className="vd-stack vd-stack--loose vd-portal">
        <nav aria-label={t('portal.breadcrumb')}>
          {/* The item's page is server-rendered (ADR 0022): a plain link. */}
          <a
            className="utrecht-link utrecht-link--html-a"
            href={serverPageHref(`/p/${slug}/diensten/${encodeURIComponent(code)}`)}
          >
            {t('portal.report.back')}
          </a>
        </nav>
        <Heading level={1} lang={data ? f.local(data.name).lang : undefined}>
          {title}
        </Heading>
        {item.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {item.isError ? <ErrorAlert error={item.error} /> : null}
        {data && data.action !== 'online' ? <Paragraph>{t('portal.item.elsewhere')}</Paragraph> : null}
        {data && data.action === 'online' ? (
          <ReportForm
            slug={slug}
            item={data}
            language={i18n.language === 'en' ? 'en' : 'nl'}
            onStale={() => item.refetch()}
          />
        ) : null}
      </div>
    </PublicLayout>
  );
}

function ReportForm({
  slug,
  item,
  language,
  onStale,
}: {
  slug: string;
  item: PortalItem;
  language: 'nl' | 'en';
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const navigate = useNavigate();
  const send = useSendReport(slug);
  const questions = item.intakeFields.filter(asked);
  const locationField = questions.find((q) => q.type === 'location');

  const meta: Record<string, FieldMeta> = {
    description: { id: 'report-description', label: t('portal.report.description') },
    name: { id: 'report-name', label: t('portal.contact.name') },
    'contact.name': { id: 'report-name', label: t('portal.contact.name') },
    'contact.reach': { id: 'report-reach-email', label: t('portal.contact.reach') },
    'contact.email': { id: 'report-email', label: t('portal.contact.email') },
    'contact.phone': { id: 'report-phone', label: t('portal.contact.phone') },
    'contact.address': { id: 'report-street', label: t('portal.contact.street') },
    'contact.address.street': { id: 'report-street', label: t('portal.contact.street') },
    'contact.address.houseNumber': { id: 'report-house-number', label: t('portal.contact.houseNumber') },
    'contact.address.postcode': { id: 'report-postcode', label: t('portal.contact.postcode') },
    'contact.address.city': { id: 'report-city', label: t('portal.contact.city') },
    location: { id: LOCATION_FIELD_ID, label: t('portal.location.legend') },
  };
  for (const q of questions) {
    meta[`answers.${q.key}`] = {
      id: q.type === 'location' && q === locationField ? LOCATION_FIELD_ID : fieldId(q.key),
      label: f.text(q.label),
    };
  }
  const form = useForm(
    {
      description: '',
      name: '',
      reach: 'email' as string,
      email: '',
      phone: '',
      street: '',
      houseNumber: '',
      addition: '',
      postcode: '',
      city: '',
      website: '',
    },
    {
      description: meta.description!,
      name: meta['contact.name']!,
      reach: meta['contact.reach']!,
      email: meta['contact.email']!,
      phone: meta['contact.phone']!,
      street: meta['contact.address.street']!,
      houseNumber: meta['contact.address.houseNumber']!,
      addition: { id: 'report-addition', label: t('portal.contact.addition') },
      postcode: meta['contact.address.postcode']!,
      city: meta['contact.address.city']!,
      website: { id: 'report-website', label: t('portal.report.honeypot') },
      ...meta,
    },
  );
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [location, setLocation] = useState<LocationValue | undefined>(undefined);
  const [files, setFiles] = useState<Record<string, File[]>>({});
  const v = form.values;
  const reach = v.reach as ReachChoice;
  const errors = form.errors;

  const body = (): PortalReportBody => {
    const out: Record<string, unknown> = {};
    for (const q of questions) {
      if (q.type === 'attachment' || (q.type === 'location' && q === locationField)) continue;
      const value = typed(q, answers[q.key]);
      if (value !== undefined) out[q.key] = value;
    }
    // The questions the contact details answer, filled in as the API would.
    const contactValue = { name: v.name.trim(), email: v.email.trim(), phone: v.phone.trim() };
    for (const q of item.intakeFields)
      if (!asked(q) && q.prefill && contactValue[q.prefill as keyof typeof contactValue])
        out[q.key] = contactValue[q.prefill as keyof typeof contactValue];
    const houseNumber = Number(v.houseNumber.trim());
    return {
      itemCode: item.code,
      ...(v.description.trim() ? { description: v.description.trim() } : {}),
      answers: out,
      ...(location ? { location } : {}),
      contact: {
        name: v.name.trim(),
        reach,
        ...(reach === 'email' && v.email.trim() ? { email: v.email.trim() } : {}),
        ...(reach === 'phone' && v.phone.trim() ? { phone: v.phone.trim() } : {}),
        ...(reach === 'post'
          ? {
              address: {
                street: v.street.trim(),
                houseNumber:
                  Number.isInteger(houseNumber) && houseNumber > 0 ? houseNumber : (v.houseNumber as never),
                ...(v.addition.trim() ? { addition: v.addition.trim() } : {}),
                postcode: v.postcode.trim(),
                city: v.city.trim(),
              },
            }
          : {}),
      },
      language,
      formToken: item.formToken,
      ...(v.website ? { website: v.website } : {}),
      uploads: [],
    };
  };

  const fileProblems = (): FieldErrors => {
    const found: FieldErrors = {};
    let count = 0;
    for (const q of questions.filter((x) => x.type === 'attachment')) {
      const chosen = files[q.key] ?? [];
      count += chosen.length;
      if (q.required && !chosen.length) found[`answers.${q.key}`] = t('validation.required');
      if (chosen.some((file) => file.size > CASE_LIMITS.attachmentMaxBytes))
        found[`answers.${q.key}`] = t('portal.report.fileTooLarge');
      if (count > PORTAL_LIMITS.filesMax)
        found[`answers.${q.key}`] = t('portal.report.tooManyFiles', { max: PORTAL_LIMITS.filesMax });
    }
    return found;
  };

  const onSubmit = form.submit(() => {
    const report = body();
    const checked = form.validate(
      portalReportSchema(item.intakeFields as IntakeField[], location !== undefined).safeParse(report),
      (found) => {
        // The schema names the contact's fields by their place in the report; the summary by the same names.
        Object.assign(found, fileProblems());
      },
    );
    if (!checked) {
      focusLater(ALERT_ID);
      return;
    }
    const chosen = Object.entries(files).flatMap(([field, list]) => list.map((file) => ({ field, file })));
    send.mutate(
      { body: report, files: chosen },
      {
        onSuccess: (result: PortalReportResult) =>
          navigate(`/p/${slug}/diensten/${encodeURIComponent(item.code)}/ontvangen`, {
            state: { result, name: f.text(item.name), related: item.related },
          }),
        onError: (error) => {
          const field = (error as { uploadField?: string }).uploadField;
          if (field) form.report({ [`answers.${field}`]: problemMessage(error, t) });
          else form.onError(error);
          if (isApiError(error) && (error.code === 'form_expired' || error.code === 'form_too_fast'))
            onStale();
          focusLater(ALERT_ID);
        },
      },
    );
  });

  const setAnswer = (key: string) => (value: Value) =>
    setAnswers((current) => ({ ...current, [key]: value }));
  const requestError =
    send.error && !(send.error as { uploadField?: string }).uploadField ? send.error : undefined;

  return (
    <form className="vd-form vd-stack" onSubmit={onSubmit} noValidate>
      <Paragraph>{t('portal.report.intro')}</Paragraph>
      <FormErrorAlert form={form} error={requestError} id={ALERT_ID} />

      {questions.map((q) =>
        q.type === 'location' && q === locationField ? (
          <LocationField
            key={q.key}
            slug={slug}
            itemCode={item.code}
            value={location}
            onChange={setLocation}
            error={errors[`answers.${q.key}`] ?? errors.location}
          />
        ) : q.type === 'attachment' ? (
          <Field
            key={q.key}
            id={fieldId(q.key)}
            label={f.text(q.label)}
            optional={!q.required}
            description={[
              q.help ? f.text(q.help) : '',
              t('portal.report.fileHint', { max: PORTAL_LIMITS.filesMax }),
            ]
              .filter(Boolean)
              .join(' ')}
            error={errors[`answers.${q.key}`]}
          >
            {(control) => (
              <input
                id={control.id}
                aria-describedby={control['aria-describedby']}
                aria-invalid={control.invalid || undefined}
                className="vd-file"
                type="file"
                multiple
                accept={ACCEPT}
                onChange={(event: ChangeEvent<HTMLInputElement>) =>
                  setFiles((current) => ({ ...current, [q.key]: [...(event.target.files ?? [])] }))
                }
              />
            )}
          </Field>
        ) : (
          <Question
            key={q.key}
            field={q}
            value={answers[q.key] ?? (q.type === 'multi_choice' ? [] : '')}
            onChange={setAnswer(q.key)}
            error={errors[`answers.${q.key}`]}
          />
        ),
      )}

      <TextareaField
        {...form.field('description')}
        optional
        description={t('portal.report.descriptionHint')}
        rows={4}
        maxLength={PORTAL_LIMITS.descriptionMax}
      />

      <fieldset className="vd-fieldset vd-stack vd-stack--tight">
        <legend className="utrecht-form-fieldset__legend">{t('portal.contact.legend')}</legend>
        <TextField {...form.field('name')} error={errors['contact.name']} autoComplete="name" required />
        <fieldset className="vd-fieldset vd-radio-group" aria-describedby="report-reach-hint">
          <legend>{t('portal.contact.reach')}</legend>
          <p id="report-reach-hint" className="utrecht-paragraph vd-muted">
            {t('portal.contact.reachHint')}
          </p>
          {REACH_CHOICES.map((choice) => (
            <div key={choice} className="vd-radio">
              <input
                type="radio"
                id={`report-reach-${choice}`}
                name="reach"
                value={choice}
                checked={reach === choice}
                onChange={() => form.field('reach').onChange({ target: { value: choice } })}
              />
              <label htmlFor={`report-reach-${choice}`}>{t(`portal.contact.reachChoice.${choice}`)}</label>
            </div>
          ))}
        </fieldset>
        {reach === 'email' ? (
          <TextField
            {...form.field('email')}
            error={errors['contact.email']}
            type="email"
            autoComplete="email"
            description={t('portal.contact.emailHint')}
            required
          />
        ) : null}
        {reach === 'phone' ? (
          <TextField
            {...form.field('phone')}
            error={errors['contact.phone']}
            type="tel"
            autoComplete="tel"
            description={t('portal.contact.phoneHint')}
            required
          />
        ) : null}
        {reach === 'post' ? (
          <>
            <Paragraph className="vd-muted">{t('portal.contact.postHint')}</Paragraph>
            <TextField
              {...form.field('street')}
              error={errors['contact.address.street'] ?? errors['contact.address']}
              autoComplete="address-line1"
              required
            />
            <div className="vd-location-grid">
              <TextField
                {...form.field('houseNumber')}
                error={errors['contact.address.houseNumber']}
                inputMode="numeric"
                size={6}
                required
              />
              <TextField {...form.field('addition')} optional size={4} />
              <TextField
                {...form.field('postcode')}
                error={errors['contact.address.postcode']}
                autoComplete="postal-code"
                size={8}
                required
              />
            </div>
            <TextField
              {...form.field('city')}
              error={errors['contact.address.city']}
              autoComplete="address-level2"
              required
            />
          </>
        ) : null}
      </fieldset>

      {/* The honeypot: people do not see it and leave it empty; a program filling every field does not. */}
      <div className="vd-honeypot" aria-hidden="true">
        <label htmlFor="report-website">{t('portal.report.honeypot')}</label>
        <input
          id="report-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={v.website}
          onChange={(event) => form.field('website').onChange(event)}
        />
      </div>

      <Paragraph>{t('portal.report.expected', { date: f.longDate(item.expectedDate) })}</Paragraph>
      <div>
        <SubmitButton busy={send.isPending}>
          {send.isPending ? t('portal.report.sending') : t('portal.report.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** One intake question as the control its type asks for. */
function Question({
  field,
  value,
  onChange,
  error,
}: {
  field: PortalItem['intakeFields'][number];
  value: Value;
  onChange: (value: Value) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const id = fieldId(field.key);
  const common = {
    id,
    label: f.text(field.label),
    description: field.help ? f.text(field.help) : undefined,
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
          options={field.options.map((o) => ({ value: o.value, label: f.text(o.label) }))}
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
          required={field.required}
        />
      );
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className="vd-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
          <legend>
            {common.label}
            {field.required ? null : <span className="vd-muted"> {t('common.optional')}</span>}
          </legend>
          {error ? (
            <p className="utrecht-form-field-error-message" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          {field.options.map((option, index) => (
            <CheckboxField
              key={option.value}
              id={index === 0 ? id : `${id}-${option.value}`}
              label={f.text(option.label)}
              checked={chosen.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...chosen, option.value] : chosen.filter((x) => x !== option.value),
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
          rows={4}
          maxLength={PORTAL_LIMITS.longTextMax}
          required={field.required}
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
