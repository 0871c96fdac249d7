import { Button } from '@utrecht/button-react';
import { type CaseSettings, caseSettingsSchema, NORM_UNITS } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
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
import { useCaseSettingsAdmin, useSaveCaseSettings } from './api.ts';
import { parseOntoControls, settingsFieldErrors } from './reasons.ts';
import { BackToSettings } from './SettingsPage.tsx';

const NOTICE_ID = 'case-settings-notice';
const ERRORS_ID = 'case-settings-errors';
const ADD_ID = 'cs-reason-add';
const fieldId = (path: string) => `cs-${path.replace(/\./g, '-')}`;

let nextRow = 0;
interface Reason {
  /** Identifies the row while it is edited (codes change as they are typed). */
  rowKey: number;
  code: string;
  nl: string;
  en: string;
}
interface Draft {
  reasons: Reason[];
  warnAmount: string;
  warnUnit: string;
  ackAmount: string;
  ackUnit: string;
  decisionWeeks: string;
  committeeWeeks: string;
  ombudsmanNl: string;
  ombudsmanEn: string;
}

const toDraft = (s: CaseSettings): Draft => ({
  reasons: s.breachReasons.map((r) => ({
    rowKey: ++nextRow,
    code: r.code,
    nl: r.label.nl,
    en: r.label.en ?? '',
  })),
  warnAmount: String(s.warnBefore.amount),
  warnUnit: s.warnBefore.unit,
  ackAmount: String(s.complaintAcknowledgeWithin.amount),
  ackUnit: s.complaintAcknowledgeWithin.unit,
  decisionWeeks: String(s.complaintDecisionWeeks),
  committeeWeeks: String(s.complaintCommitteeWeeks),
  ombudsmanNl: s.ombudsman.nl,
  ombudsmanEn: s.ombudsman.en ?? '',
});

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));
const local = (nl: string, en: string) => (en.trim() ? { nl, en } : { nl });

const toSettings = (d: Draft) => ({
  breachReasons: d.reasons.map((r) => ({ code: r.code.trim(), label: local(r.nl, r.en) })),
  warnBefore: { amount: number(d.warnAmount), unit: d.warnUnit },
  complaintAcknowledgeWithin: { amount: number(d.ackAmount), unit: d.ackUnit },
  complaintDecisionWeeks: number(d.decisionWeeks),
  complaintCommitteeWeeks: number(d.committeeWeeks),
  ombudsman: local(d.ombudsmanNl, d.ombudsmanEn),
});

/** Where each setting's errors land: the schema's and the API's paths, mapped to the control that shows them. */
const control = (path: string) =>
  /^(warnBefore|complaintAcknowledgeWithin)$/.test(path) ? `${path}.amount` : path;

/**
 * The case settings (administrators): the reasons a worker picks from when a case closes after its norm (these
 * feed public accountability), how long before the internal target the team is warned, the complaint terms of the
 * Awb, and the ombudsman text of a complaint decision; each text in Dutch and English.
 */
export function CaseSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminSettings.caseSettings.title'));
  const settings = useCaseSettingsAdmin();
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('adminSettings.caseSettings.title')} intro={t('adminSettings.caseSettings.intro')}>
        <BackToSettings />
      </PageIntro>
      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
      {settings.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? (
        <CaseSettingsForm
          key={reloads}
          settings={settings.data}
          onSaved={() => {
            setNotice(t('adminSettings.caseSettings.saved'));
            focusLater(NOTICE_ID);
          }}
          onChange={() => setNotice(null)}
          onReload={async () => {
            await settings.refetch();
            setReloads((n) => n + 1);
          }}
        />
      ) : null}
    </div>
  );
}

interface FormProps {
  settings: CaseSettings;
  onSaved: () => void;
  onChange: () => void;
  onReload: () => void;
}

function CaseSettingsForm({ settings, onSaved, onChange, onReload }: FormProps) {
  const { t } = useTranslation();
  const save = useSaveCaseSettings();
  const [draft, setDraft] = useState(() => toDraft(settings));
  const update = (patch: Partial<Draft>) => {
    onChange();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setReason = (index: number, patch: Partial<Reason>) =>
    update({ reasons: draft.reasons.map((r, i) => (i === index ? { ...r, ...patch } : r)) });

  const reasonName = (i: number) => t('adminSettings.caseSettings.reasonName', { n: i + 1 });
  const fields: Record<string, FieldMeta> = {
    'warnBefore.amount': {
      id: fieldId('warnBefore.amount'),
      label: t('adminSettings.caseSettings.warnBefore'),
    },
    'warnBefore.unit': {
      id: fieldId('warnBefore.unit'),
      label: `${t('adminSettings.caseSettings.warnBefore')}, ${t('catalogueAdmin.fields.unit')}`,
    },
    'complaintAcknowledgeWithin.amount': {
      id: fieldId('complaintAcknowledgeWithin.amount'),
      label: t('adminSettings.caseSettings.acknowledgeWithin'),
    },
    'complaintAcknowledgeWithin.unit': {
      id: fieldId('complaintAcknowledgeWithin.unit'),
      label: `${t('adminSettings.caseSettings.acknowledgeWithin')}, ${t('catalogueAdmin.fields.unit')}`,
    },
    complaintDecisionWeeks: {
      id: fieldId('complaintDecisionWeeks'),
      label: t('adminSettings.caseSettings.decisionWeeks'),
    },
    complaintCommitteeWeeks: {
      id: fieldId('complaintCommitteeWeeks'),
      label: t('adminSettings.caseSettings.committeeWeeks'),
    },
    'ombudsman.nl': {
      id: fieldId('ombudsman.nl'),
      label: t('catalogueAdmin.inDutch', { label: t('adminSettings.caseSettings.ombudsman') }),
    },
    'ombudsman.en': {
      id: fieldId('ombudsman.en'),
      label: t('catalogueAdmin.inEnglish', { label: t('adminSettings.caseSettings.ombudsman') }),
    },
    breachReasons: { id: ADD_ID, label: t('adminSettings.caseSettings.reasonsTitle') },
  };
  draft.reasons.forEach((_, i) => {
    fields[`breachReasons.${i}.code`] = {
      id: fieldId(`breachReasons.${i}.code`),
      label: `${reasonName(i)}: ${t('adminSettings.caseSettings.code')}`,
    };
    fields[`breachReasons.${i}.label.nl`] = {
      id: fieldId(`breachReasons.${i}.label.nl`),
      label: `${reasonName(i)}: ${t('catalogueAdmin.inDutch', { label: t('adminSettings.caseSettings.label') })}`,
    };
    fields[`breachReasons.${i}.label.en`] = {
      id: fieldId(`breachReasons.${i}.label.en`),
      label: `${reasonName(i)}: ${t('catalogueAdmin.inEnglish', { label: t('adminSettings.caseSettings.label') })}`,
    };
  });
  const form = useForm({}, fields);
  const err = (path: string) => form.errors[path];
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict';

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(() => {
      const data = form.validate(
        parseOntoControls(caseSettingsSchema, toSettings(draft), control),
        (found) => {
          const seen = new Map<string, number>();
          draft.reasons.forEach((r, i) => {
            const key = `breachReasons.${i}.code`;
            if (!found[key] && r.code && !/^[a-z][a-z0-9_]{1,39}$/.test(r.code.trim()))
              found[key] = t('adminSettings.caseSettings.codeFormat');
            else if (!found[key] && seen.has(r.code.trim()))
              found[key] = t('adminSettings.codes.duplicate_code');
            seen.set(r.code.trim(), i);
          });
        },
      );
      if (!data) {
        focusLater(ERRORS_ID);
        return;
      }
      save.mutate(data, {
        onSuccess: onSaved,
        onError: (error) => {
          const found = settingsFieldErrors(error, t, control);
          form.report(found);
          focusLater(ERRORS_ID);
        },
      });
    })(event);

  const unitOptions = NORM_UNITS.map((value) => ({ value, label: t(`catalogue.unit.${value}`) }));
  return (
    <form className="vd-form vd-form--wide vd-stack vd-stack--loose" onSubmit={onSubmit} noValidate>
      <FormErrorAlert form={form} error={save.error} id={ERRORS_ID} />
      {conflict ? (
        <div>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </div>
      ) : null}

      <Section headingId="cs-reasons-heading" title={t('adminSettings.caseSettings.reasonsTitle')} panel>
        <Paragraph>{t('adminSettings.caseSettings.reasonsIntro')}</Paragraph>
        {err('breachReasons') ? (
          <Paragraph className="utrecht-form-field-error-message">{err('breachReasons')}</Paragraph>
        ) : null}
        {draft.reasons.map((reason, i) => (
          <fieldset key={reason.rowKey} className="vd-row">
            <legend className="vd-row__legend">
              {reason.nl ? `${reasonName(i)}: ${reason.nl}` : reasonName(i)}
            </legend>
            <div className="vd-columns">
              <TextField
                id={fieldId(`breachReasons.${i}.code`)}
                label={t('adminSettings.caseSettings.code')}
                description={t('adminSettings.caseSettings.codeHint')}
                error={err(`breachReasons.${i}.code`)}
                value={reason.code}
                onChange={(event) => setReason(i, { code: event.target.value })}
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                required
              />
              <TextField
                id={fieldId(`breachReasons.${i}.label.nl`)}
                label={t('catalogueAdmin.inDutch', { label: t('adminSettings.caseSettings.label') })}
                error={err(`breachReasons.${i}.label.nl`)}
                value={reason.nl}
                onChange={(event) => setReason(i, { nl: event.target.value })}
                lang="nl"
                maxLength={120}
                required
              />
              <TextField
                id={fieldId(`breachReasons.${i}.label.en`)}
                label={t('catalogueAdmin.inEnglish', { label: t('adminSettings.caseSettings.label') })}
                error={err(`breachReasons.${i}.label.en`)}
                value={reason.en}
                onChange={(event) => setReason(i, { en: event.target.value })}
                lang="en"
                maxLength={120}
                optional
              />
            </div>
            {draft.reasons.length > 1 ? (
              <div>
                <Button
                  appearance="subtle-button"
                  hint="danger"
                  aria-label={t('adminSettings.caseSettings.removeReason', {
                    name: reason.nl || reasonName(i),
                  })}
                  onClick={() => {
                    update({ reasons: draft.reasons.filter((_, j) => j !== i) });
                    focusLater(ADD_ID);
                  }}
                >
                  {t('common.remove')}
                </Button>
              </div>
            ) : null}
          </fieldset>
        ))}
        {draft.reasons.length < 50 ? (
          <div>
            <Button
              id={ADD_ID}
              appearance="secondary-action-button"
              onClick={() => {
                update({ reasons: [...draft.reasons, { rowKey: ++nextRow, code: '', nl: '', en: '' }] });
                focusLater(fieldId(`breachReasons.${draft.reasons.length}.code`));
              }}
            >
              {t('adminSettings.caseSettings.addReason')}
            </Button>
          </div>
        ) : null}
      </Section>

      <Section headingId="cs-terms-heading" title={t('adminSettings.caseSettings.termsTitle')} panel>
        <div className="vd-columns">
          <TextField
            {...fields['warnBefore.amount']!}
            description={t('adminSettings.caseSettings.warnBeforeHint')}
            error={err('warnBefore.amount')}
            value={draft.warnAmount}
            onChange={(event) => update({ warnAmount: event.target.value })}
            inputMode="decimal"
            required
          />
          <SelectField
            {...fields['warnBefore.unit']!}
            label={t('catalogueAdmin.fields.unit')}
            error={err('warnBefore.unit')}
            value={draft.warnUnit}
            onChange={(event) => update({ warnUnit: event.target.value })}
            options={unitOptions}
          />
        </div>
        <div className="vd-columns">
          <TextField
            {...fields['complaintAcknowledgeWithin.amount']!}
            description={t('adminSettings.caseSettings.acknowledgeHint')}
            error={err('complaintAcknowledgeWithin.amount')}
            value={draft.ackAmount}
            onChange={(event) => update({ ackAmount: event.target.value })}
            inputMode="numeric"
            required
          />
          <SelectField
            {...fields['complaintAcknowledgeWithin.unit']!}
            label={t('catalogueAdmin.fields.unit')}
            error={err('complaintAcknowledgeWithin.unit')}
            value={draft.ackUnit}
            onChange={(event) => update({ ackUnit: event.target.value })}
            options={unitOptions}
          />
        </div>
        <div className="vd-columns">
          <TextField
            {...fields.complaintDecisionWeeks!}
            description={t('adminSettings.caseSettings.decisionWeeksHint')}
            error={err('complaintDecisionWeeks')}
            value={draft.decisionWeeks}
            onChange={(event) => update({ decisionWeeks: event.target.value })}
            type="number"
            min={1}
            max={6}
            required
          />
          <TextField
            {...fields.complaintCommitteeWeeks!}
            description={t('adminSettings.caseSettings.committeeWeeksHint')}
            error={err('complaintCommitteeWeeks')}
            value={draft.committeeWeeks}
            onChange={(event) => update({ committeeWeeks: event.target.value })}
            type="number"
            min={1}
            max={10}
            required
          />
        </div>
      </Section>

      <Section headingId="cs-ombudsman-heading" title={t('adminSettings.caseSettings.ombudsman')} panel>
        <Paragraph>{t('adminSettings.caseSettings.ombudsmanIntro')}</Paragraph>
        <div className="vd-columns">
          <TextareaField
            {...fields['ombudsman.nl']!}
            error={err('ombudsman.nl')}
            value={draft.ombudsmanNl}
            onChange={(event) => update({ ombudsmanNl: event.target.value })}
            lang="nl"
            rows={5}
            maxLength={2000}
            required
          />
          <TextareaField
            {...fields['ombudsman.en']!}
            error={err('ombudsman.en')}
            value={draft.ombudsmanEn}
            onChange={(event) => update({ ombudsmanEn: event.target.value })}
            lang="en"
            rows={5}
            maxLength={2000}
            optional
          />
        </div>
      </Section>

      <ButtonGroup>
        <SubmitButton busy={save.isPending}>{t('common.save')}</SubmitButton>
      </ButtonGroup>
    </form>
  );
}
