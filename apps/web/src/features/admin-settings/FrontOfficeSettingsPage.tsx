import { Button } from '@utrecht/button-react';
import { type FrontOfficeSettings, frontOfficeSettingsSchema, NORM_UNITS } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { type FieldMeta, useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFrontOfficeSettings, useSaveFrontOfficeSettings } from './api.ts';
import { parseOntoControls, settingsFieldErrors } from './reasons.ts';
import { BackToSettings } from './SettingsPage.tsx';

const NOTICE_ID = 'fo-settings-notice';
const ERRORS_ID = 'fo-settings-errors';
const ADD_ID = 'fo-area-add';
const fieldId = (path: string) => `fo-${path.replace(/\./g, '-')}`;

let nextRow = 0;
interface AreaRow {
  rowKey: number;
  name: string;
  /** The postcode ranges as typed: "1000-1099" or "1234", one a line (or separated by commas). */
  ranges: string;
}
interface Draft {
  repeatWindowDays: string;
  contactAutoCloseMinutes: string;
  callbackAmount: string;
  callbackUnit: string;
  casePrefix: string;
  areas: AreaRow[];
}

const toDraft = (s: FrontOfficeSettings): Draft => ({
  repeatWindowDays: String(s.repeatWindowDays),
  contactAutoCloseMinutes: String(s.contactAutoCloseMinutes),
  callbackAmount: String(s.callbackNorm.amount),
  callbackUnit: s.callbackNorm.unit,
  casePrefix: s.casePrefix,
  areas: s.areas.map((a) => ({
    rowKey: ++nextRow,
    name: a.name,
    ranges: a.postcodes.map((r) => (r.from === r.to ? r.from : `${r.from}-${r.to}`)).join('\n'),
  })),
});

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));
/** "1000-1099, 1234" → [{from: '1000', to: '1099'}, {from: '1234', to: '1234'}]. */
export const parseRanges = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [from = '', to = from] = part.split(/\s*[-–]\s*/);
      return { from, to };
    });

const toSettings = (d: Draft) => ({
  repeatWindowDays: number(d.repeatWindowDays),
  contactAutoCloseMinutes: number(d.contactAutoCloseMinutes),
  callbackNorm: { amount: number(d.callbackAmount), unit: d.callbackUnit },
  casePrefix: d.casePrefix.trim(),
  areas: d.areas.map((a) => ({ name: a.name.trim(), postcodes: parseRanges(a.ranges) })),
});

/** An error on one range (or its `from`) belongs to the area's box of ranges. */
const control = (path: string) =>
  path.replace(/^(areas\.\d+\.postcodes)\..*$/, '$1').replace(/^callbackNorm$/, 'callbackNorm.amount');

/**
 * The front-office settings (administrators): the window within which a contact counts as a repeat, when an open
 * contact closes by itself, the callback norm, the prefix of case numbers, and the districts (areas) by postcode
 * range, which the queue filters by and equal-treatment figures are split by.
 */
export function FrontOfficeSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminSettings.frontOffice.title'));
  const settings = useFrontOfficeSettings();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('adminSettings.frontOffice.title')} intro={t('adminSettings.frontOffice.intro')}>
        <BackToSettings />
      </PageIntro>
      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
      {settings.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? (
        <FrontOfficeForm
          settings={settings.data}
          onSaved={() => {
            setNotice(t('adminSettings.frontOffice.saved'));
            focusLater(NOTICE_ID);
          }}
          onChange={() => setNotice(null)}
        />
      ) : null}
    </div>
  );
}

interface FormProps {
  settings: FrontOfficeSettings;
  onSaved: () => void;
  onChange: () => void;
}

function FrontOfficeForm({ settings, onSaved, onChange }: FormProps) {
  const { t } = useTranslation();
  const save = useSaveFrontOfficeSettings();
  const [draft, setDraft] = useState(() => toDraft(settings));
  const update = (patch: Partial<Draft>) => {
    onChange();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setArea = (index: number, patch: Partial<AreaRow>) =>
    update({ areas: draft.areas.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const areaName = (i: number) => t('adminSettings.frontOffice.areaName', { n: i + 1 });

  const fields: Record<string, FieldMeta> = {
    repeatWindowDays: {
      id: fieldId('repeatWindowDays'),
      label: t('adminSettings.frontOffice.repeatWindowDays'),
    },
    contactAutoCloseMinutes: {
      id: fieldId('contactAutoCloseMinutes'),
      label: t('adminSettings.frontOffice.autoCloseMinutes'),
    },
    'callbackNorm.amount': {
      id: fieldId('callbackNorm.amount'),
      label: t('adminSettings.frontOffice.callbackNorm'),
    },
    'callbackNorm.unit': {
      id: fieldId('callbackNorm.unit'),
      label: `${t('adminSettings.frontOffice.callbackNorm')}, ${t('catalogueAdmin.fields.unit')}`,
    },
    casePrefix: { id: fieldId('casePrefix'), label: t('adminSettings.frontOffice.casePrefix') },
    areas: { id: ADD_ID, label: t('adminSettings.frontOffice.areasTitle') },
  };
  draft.areas.forEach((_, i) => {
    fields[`areas.${i}.name`] = {
      id: fieldId(`areas.${i}.name`),
      label: `${areaName(i)}: ${t('adminSettings.frontOffice.areaLabel')}`,
    };
    fields[`areas.${i}.postcodes`] = {
      id: fieldId(`areas.${i}.postcodes`),
      label: `${areaName(i)}: ${t('adminSettings.frontOffice.postcodes')}`,
    };
  });
  const form = useForm({}, fields);
  const err = (path: string) => form.errors[path];

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(() => {
      const data = form.validate(
        parseOntoControls(frontOfficeSettingsSchema, toSettings(draft), control),
        (found) => {
          draft.areas.forEach((_, i) => {
            const key = `areas.${i}.postcodes`;
            if (found[key]) found[key] = t('adminSettings.frontOffice.rangesFormat');
          });
          if (found.casePrefix) found.casePrefix = t('adminSettings.frontOffice.prefixFormat');
        },
      );
      if (!data) {
        focusLater(ERRORS_ID);
        return;
      }
      save.mutate(data, {
        onSuccess: onSaved,
        onError: (error) => {
          form.report(settingsFieldErrors(error, t, control));
          focusLater(ERRORS_ID);
        },
      });
    })(event);

  const numberField = (
    key: 'repeatWindowDays' | 'contactAutoCloseMinutes',
    min: number,
    max: number,
    hint: string,
  ) => (
    <TextField
      {...fields[key]!}
      description={hint}
      error={err(key)}
      value={draft[key]}
      onChange={(event) => update({ [key]: event.target.value })}
      type="number"
      min={min}
      max={max}
      step={1}
      className="vd-input-short"
      required
    />
  );

  return (
    <form className="vd-form vd-form--wide vd-stack vd-stack--loose" onSubmit={onSubmit} noValidate>
      <FormErrorAlert form={form} error={save.error} id={ERRORS_ID} />

      <Section headingId="fo-contacts-heading" title={t('adminSettings.frontOffice.contactsTitle')} panel>
        {numberField('repeatWindowDays', 1, 90, t('adminSettings.frontOffice.repeatWindowHint'))}
        {numberField('contactAutoCloseMinutes', 15, 24 * 60, t('adminSettings.frontOffice.autoCloseHint'))}
        <div className="vd-columns">
          <TextField
            {...fields['callbackNorm.amount']!}
            description={t('adminSettings.frontOffice.callbackNormHint')}
            error={err('callbackNorm.amount')}
            value={draft.callbackAmount}
            onChange={(event) => update({ callbackAmount: event.target.value })}
            inputMode="decimal"
            required
          />
          <SelectField
            {...fields['callbackNorm.unit']!}
            label={t('catalogueAdmin.fields.unit')}
            error={err('callbackNorm.unit')}
            value={draft.callbackUnit}
            onChange={(event) => update({ callbackUnit: event.target.value })}
            options={NORM_UNITS.map((value) => ({ value, label: t(`catalogue.unit.${value}`) }))}
          />
        </div>
        <TextField
          {...fields.casePrefix!}
          description={t('adminSettings.frontOffice.casePrefixHint')}
          error={err('casePrefix')}
          value={draft.casePrefix}
          onChange={(event) => update({ casePrefix: event.target.value.toUpperCase() })}
          autoComplete="off"
          spellCheck={false}
          maxLength={6}
          className="vd-input-short"
          required
        />
      </Section>

      <Section headingId="fo-areas-heading" title={t('adminSettings.frontOffice.areasTitle')} panel>
        <Paragraph>{t('adminSettings.frontOffice.areasIntro')}</Paragraph>
        {draft.areas.length === 0 ? <Paragraph>{t('adminSettings.frontOffice.noAreas')}</Paragraph> : null}
        {err('areas') ? (
          <Paragraph className="utrecht-form-field-error-message">{err('areas')}</Paragraph>
        ) : null}
        {draft.areas.map((area, i) => (
          <fieldset key={area.rowKey} className="vd-row">
            <legend className="vd-row__legend">
              {area.name ? `${areaName(i)}: ${area.name}` : areaName(i)}
            </legend>
            <div className="vd-columns">
              <TextField
                {...fields[`areas.${i}.name`]!}
                label={t('adminSettings.frontOffice.areaLabel')}
                error={err(`areas.${i}.name`)}
                value={area.name}
                onChange={(event) => setArea(i, { name: event.target.value })}
                maxLength={100}
                autoComplete="off"
                required
              />
              <TextareaField
                {...fields[`areas.${i}.postcodes`]!}
                label={t('adminSettings.frontOffice.postcodes')}
                description={t('adminSettings.frontOffice.postcodesHint')}
                error={err(`areas.${i}.postcodes`)}
                value={area.ranges}
                onChange={(event) => setArea(i, { ranges: event.target.value })}
                rows={3}
                spellCheck={false}
                required
              />
            </div>
            <div>
              <Button
                appearance="subtle-button"
                hint="danger"
                aria-label={t('adminSettings.frontOffice.removeArea', { name: area.name || areaName(i) })}
                onClick={() => {
                  update({ areas: draft.areas.filter((_, j) => j !== i) });
                  focusLater(ADD_ID);
                }}
              >
                {t('common.remove')}
              </Button>
            </div>
          </fieldset>
        ))}
        {draft.areas.length < 200 ? (
          <div>
            <Button
              id={ADD_ID}
              appearance="secondary-action-button"
              onClick={() => {
                update({ areas: [...draft.areas, { rowKey: ++nextRow, name: '', ranges: '' }] });
                focusLater(fieldId(`areas.${draft.areas.length}.name`));
              }}
            >
              {t('adminSettings.frontOffice.addArea')}
            </Button>
          </div>
        ) : null}
      </Section>

      <ButtonGroup>
        <SubmitButton busy={save.isPending}>{t('common.save')}</SubmitButton>
      </ButtonGroup>
    </form>
  );
}
