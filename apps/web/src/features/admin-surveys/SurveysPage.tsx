import { Button } from '@utrecht/button-react';
import {
  CHANNELS,
  type Survey,
  type SurveyDefinition,
  type SurveySettings,
  surveyDefinitionSchema,
  surveySettingsSchema,
} from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { type FieldMeta, useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  type SettingsReply,
  usePublishSurvey,
  useSaveSurvey,
  useSaveSurveySettings,
  useSurveySettings,
  useSurveys,
} from './api.ts';

const NOTICE_ID = 'surveys-notice';
const TEXTS = ['title', 'intro', 'grade', 'effort', 'solved', 'comment'] as const;
type TextKey = (typeof TEXTS)[number];

/**
 * Surveys (administrators and quality officers): the wording of each survey — saved as a draft, then published
 * (versioned like catalogue items; invitations use the published version) — and which survey applies when: on or
 * off, the default, per channel (and the sample of front-office contacts), per item (or none, and whether "not
 * solved" reopens the case), cooldown, reminder and expiry, and the grades that ask for follow-up or count as a
 * compliment.
 */
export function SurveysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminSurveys.title'));
  const surveys = useSurveys();
  const settings = useSurveySettings();
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    focusLater(NOTICE_ID);
  };
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('adminSurveys.title')} intro={t('adminSurveys.intro')} />
      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
      {surveys.isPending || settings.isPending ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : null}
      {surveys.isError ? <ErrorAlert error={surveys.error} /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {surveys.data ? (
        <Section headingId="surveys-definitions" title={t('adminSurveys.definitions')}>
          <div className="vd-stack vd-stack--loose">
            {surveys.data.map((s) => (
              <SurveyEditor key={`${s.id}-${s.version}`} survey={s} onDone={done} />
            ))}
            <SurveyEditor onDone={done} />
          </div>
        </Section>
      ) : null}
      {surveys.data && settings.data ? (
        <SettingsEditor
          key={settings.data.version}
          reply={settings.data}
          codes={surveys.data.map((s) => s.code)}
          onDone={done}
        />
      ) : null}
    </div>
  );
}

type Texts = Record<`${TextKey}.${'nl' | 'en'}`, string>;

function textsOf(d: SurveyDefinition | undefined): Texts {
  const out = {} as Texts;
  for (const k of TEXTS) {
    out[`${k}.nl`] = d?.[k].nl ?? '';
    out[`${k}.en`] = d?.[k].en ?? '';
  }
  return out;
}

const local = (nl: string, en: string) => (en.trim() ? { nl, en } : { nl });

/** One survey's wording (or a new survey's, with its code): save the draft, publish it. */
function SurveyEditor({ survey, onDone }: { survey?: Survey; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveSurvey();
  const publish = usePublishSurvey();
  const prefix = survey ? `sv-${survey.code}` : 'sv-new';
  const [code, setCode] = useState(survey?.code ?? '');
  const [texts, setTexts] = useState(() =>
    textsOf(survey?.draft?.definition ?? survey?.published?.definition),
  );
  const fields: Record<string, FieldMeta> = { code: { id: `${prefix}-code`, label: t('adminSurveys.code') } };
  for (const k of TEXTS) {
    fields[`${k}.nl`] = {
      id: `${prefix}-${k}-nl`,
      label: t('catalogueAdmin.inDutch', { label: t(`adminSurveys.text.${k}`) }),
    };
    fields[`${k}.en`] = {
      id: `${prefix}-${k}-en`,
      label: t('catalogueAdmin.inEnglish', { label: t(`adminSurveys.text.${k}`) }),
    };
  }
  const form = useForm({}, fields);
  const errorsId = `${prefix}-errors`;
  const definition = () => {
    const d: Record<string, unknown> = { code: code.trim() };
    for (const k of TEXTS) d[k] = local(texts[`${k}.nl`], texts[`${k}.en`]);
    return d;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(() => {
      const data = form.validate(surveyDefinitionSchema.safeParse(definition()));
      if (!data) return focusLater(errorsId);
      save.mutate(
        { definition: data, version: survey?.version },
        {
          onSuccess: () => onDone(t('adminSurveys.saved', { code: data.code })),
          onError: (error) => {
            form.onError(error);
            focusLater(errorsId);
          },
        },
      );
    })(event);
  const title = survey ? survey.code : t('adminSurveys.new');
  const headingId = `${prefix}-heading`;
  return (
    <Section headingId={headingId} title={title} level={3} panel>
      {survey ? (
        <Paragraph>
          <StatusBadge status={survey.state === 'published' ? 'active' : 'neutral'}>
            {t(`adminSurveys.state.${survey.state}`)}
          </StatusBadge>{' '}
          {survey.published ? t('adminSurveys.publishedVersion', { n: survey.published.number }) : null}{' '}
          {survey.draft ? t('adminSurveys.draftVersion', { n: survey.draft.number }) : null}
        </Paragraph>
      ) : (
        <Paragraph>{t('adminSurveys.newIntro')}</Paragraph>
      )}
      <form
        className="vd-form vd-form--wide vd-stack"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby={headingId}
      >
        <FormErrorAlert form={form} error={save.error ?? publish.error} id={errorsId} />
        {survey ? null : (
          <TextField
            id={fields.code!.id}
            label={fields.code!.label}
            description={t('adminSurveys.codeHint')}
            value={code}
            error={form.errors.code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
        )}
        {TEXTS.map((k) => (
          <div key={k} className="vd-columns">
            {(['nl', 'en'] as const).map((l) => (
              <TextField
                key={l}
                id={fields[`${k}.${l}`]!.id}
                label={fields[`${k}.${l}`]!.label}
                value={texts[`${k}.${l}`]}
                error={form.errors[`${k}.${l}`]}
                onChange={(event) => setTexts((x) => ({ ...x, [`${k}.${l}`]: event.target.value }))}
                lang={l}
                required={l === 'nl'}
              />
            ))}
          </div>
        ))}
        <ButtonGroup>
          <SubmitButton busy={save.isPending}>{t('adminSurveys.saveDraft')}</SubmitButton>
          {survey?.abilities.publish ? (
            <Button
              appearance="secondary-action-button"
              busy={publish.isPending}
              disabled={publish.isPending}
              onClick={() =>
                publish.mutate(
                  { code: survey.code, version: survey.version },
                  { onSuccess: () => onDone(t('adminSurveys.published', { code: survey.code })) },
                )
              }
            >
              {t('adminSurveys.publish')}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
    </Section>
  );
}

let nextRow = 0;
interface ItemRow {
  rowKey: number;
  itemCode: string;
  survey: string;
  reopen: boolean;
}
interface Draft {
  enabled: boolean;
  defaultSurvey: string;
  delayHours: string;
  cooldownDays: string;
  reminderAfterDays: string;
  expiresAfterDays: string;
  lowGradeMax: string;
  complimentMinGrade: string;
  channels: { percent: string; survey: string }[];
  items: ItemRow[];
}

const NUMBERS = [
  'delayHours',
  'cooldownDays',
  'reminderAfterDays',
  'expiresAfterDays',
  'lowGradeMax',
  'complimentMinGrade',
] as const;
const num = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

function toDraft(s: SurveySettings): Draft {
  return {
    enabled: s.enabled,
    defaultSurvey: s.defaultSurvey ?? '',
    delayHours: String(s.delayHours),
    cooldownDays: String(s.cooldownDays),
    reminderAfterDays: s.reminderAfterDays === null ? '' : String(s.reminderAfterDays),
    expiresAfterDays: String(s.expiresAfterDays),
    lowGradeMax: String(s.lowGradeMax),
    complimentMinGrade: String(s.complimentMinGrade),
    channels: CHANNELS.map((channel) => {
      const c = s.channels.find((x) => x.channel === channel);
      return { percent: String(c?.contactSamplePercent ?? 0), survey: c?.survey ?? '' };
    }),
    items: s.items.map((i) => ({
      rowKey: ++nextRow,
      itemCode: i.itemCode,
      survey: i.survey ?? '',
      reopen: i.reopenWhenNotSolved,
    })),
  };
}

function toSettings(d: Draft) {
  return {
    enabled: d.enabled,
    defaultSurvey: d.defaultSurvey || null,
    items: d.items.map((i) => ({
      itemCode: i.itemCode.trim(),
      survey: i.survey || null,
      reopenWhenNotSolved: i.reopen,
    })),
    channels: CHANNELS.map((channel, i) => ({
      channel,
      survey: d.channels[i]!.survey || null,
      contactSamplePercent: num(d.channels[i]!.percent),
    })),
    delayHours: num(d.delayHours),
    cooldownDays: num(d.cooldownDays),
    reminderAfterDays: d.reminderAfterDays.trim() === '' ? null : num(d.reminderAfterDays),
    expiresAfterDays: num(d.expiresAfterDays),
    lowGradeMax: num(d.lowGradeMax),
    complimentMinGrade: num(d.complimentMinGrade),
  };
}

/** Which survey applies when (see the page). */
function SettingsEditor(props: { reply: SettingsReply; codes: string[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveSurveySettings();
  const [draft, setDraft] = useState(() => toDraft(props.reply.settings));
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const id = (path: string) => `ss-${path.replace(/\./g, '-')}`;
  const fields: Record<string, FieldMeta> = {
    defaultSurvey: { id: id('defaultSurvey'), label: t('adminSurveys.settings.defaultSurvey') },
  };
  for (const k of NUMBERS) fields[k] = { id: id(k), label: t(`adminSurveys.settings.${k}`) };
  CHANNELS.forEach((channel, i) => {
    const name = t(`catalogue.channel.${channel}`);
    fields[`channels.${i}.contactSamplePercent`] = {
      id: id(`channels.${i}.contactSamplePercent`),
      label: `${name}: ${t('adminSurveys.settings.samplePercent')}`,
    };
    fields[`channels.${i}.survey`] = {
      id: id(`channels.${i}.survey`),
      label: `${name}: ${t('adminSurveys.settings.survey')}`,
    };
  });
  draft.items.forEach((_, i) => {
    const name = t('adminSurveys.settings.itemName', { n: i + 1 });
    fields[`items.${i}.itemCode`] = {
      id: id(`items.${i}.itemCode`),
      label: `${name}: ${t('adminSurveys.settings.itemCode')}`,
    };
    fields[`items.${i}.survey`] = {
      id: id(`items.${i}.survey`),
      label: `${name}: ${t('adminSurveys.settings.survey')}`,
    };
  });
  const form = useForm({}, fields);
  const err = (path: string) => form.errors[path];
  const surveyOptions = props.codes.map((value) => ({ value, label: value }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(() => {
      const data = form.validate(surveySettingsSchema.safeParse(toSettings(draft)));
      if (!data) return focusLater('ss-errors');
      save.mutate(
        { settings: data, version: props.reply.version },
        {
          onSuccess: () => props.onDone(t('adminSurveys.settings.saved')),
          onError: (error) => {
            form.onError(error);
            focusLater('ss-errors');
          },
        },
      );
    })(event);
  return (
    <Section headingId="surveys-settings" title={t('adminSurveys.settings.title')}>
      <form className="vd-form vd-form--wide vd-stack vd-stack--loose" onSubmit={onSubmit} noValidate>
        <FormErrorAlert form={form} error={save.error} id="ss-errors" />
        <CheckboxField
          id={id('enabled')}
          label={t('adminSurveys.settings.enabled')}
          description={t('adminSurveys.settings.enabledHint')}
          checked={draft.enabled}
          onChange={(event) => update({ enabled: event.target.checked })}
        />
        <SelectField
          id={fields.defaultSurvey!.id}
          label={fields.defaultSurvey!.label}
          value={draft.defaultSurvey}
          error={err('defaultSurvey')}
          onChange={(event) => update({ defaultSurvey: event.target.value })}
          emptyOption={t('adminSurveys.settings.none')}
          options={surveyOptions}
        />
        <div className="vd-columns">
          {NUMBERS.map((k) => (
            <TextField
              key={k}
              id={fields[k]!.id}
              label={fields[k]!.label}
              description={k === 'reminderAfterDays' ? t('adminSurveys.settings.reminderHint') : undefined}
              inputMode="numeric"
              value={draft[k]}
              error={err(k)}
              onChange={(event) => update({ [k]: event.target.value })}
            />
          ))}
        </div>

        <Section headingId="ss-channels" title={t('adminSurveys.settings.channels')} level={3} panel>
          <Paragraph>{t('adminSurveys.settings.channelsIntro')}</Paragraph>
          {CHANNELS.map((channel, i) => (
            <fieldset key={channel} className="vd-row">
              <legend className="vd-row__legend">{t(`catalogue.channel.${channel}`)}</legend>
              <div className="vd-columns">
                <TextField
                  id={id(`channels.${i}.contactSamplePercent`)}
                  label={t('adminSurveys.settings.samplePercent')}
                  inputMode="numeric"
                  value={draft.channels[i]!.percent}
                  error={err(`channels.${i}.contactSamplePercent`)}
                  onChange={(event) =>
                    update({
                      channels: draft.channels.map((c, j) =>
                        j === i ? { ...c, percent: event.target.value } : c,
                      ),
                    })
                  }
                />
                <SelectField
                  id={id(`channels.${i}.survey`)}
                  label={t('adminSurveys.settings.survey')}
                  value={draft.channels[i]!.survey}
                  error={err(`channels.${i}.survey`)}
                  onChange={(event) =>
                    update({
                      channels: draft.channels.map((c, j) =>
                        j === i ? { ...c, survey: event.target.value } : c,
                      ),
                    })
                  }
                  emptyOption={t('adminSurveys.settings.useDefault')}
                  options={surveyOptions}
                />
              </div>
            </fieldset>
          ))}
        </Section>

        <Section headingId="ss-items" title={t('adminSurveys.settings.items')} level={3} panel>
          <Paragraph>{t('adminSurveys.settings.itemsIntro')}</Paragraph>
          {draft.items.map((row, i) => (
            <fieldset key={row.rowKey} className="vd-row">
              <legend className="vd-row__legend">{t('adminSurveys.settings.itemName', { n: i + 1 })}</legend>
              <div className="vd-columns">
                <TextField
                  id={id(`items.${i}.itemCode`)}
                  label={t('adminSurveys.settings.itemCode')}
                  value={row.itemCode}
                  error={err(`items.${i}.itemCode`)}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(event) =>
                    update({
                      items: draft.items.map((r, j) =>
                        j === i ? { ...r, itemCode: event.target.value } : r,
                      ),
                    })
                  }
                />
                <SelectField
                  id={id(`items.${i}.survey`)}
                  label={t('adminSurveys.settings.survey')}
                  value={row.survey}
                  error={err(`items.${i}.survey`)}
                  onChange={(event) =>
                    update({
                      items: draft.items.map((r, j) => (j === i ? { ...r, survey: event.target.value } : r)),
                    })
                  }
                  emptyOption={t('adminSurveys.settings.noSurvey')}
                  options={surveyOptions}
                />
              </div>
              <CheckboxField
                id={id(`items.${i}.reopen`)}
                label={t('adminSurveys.settings.reopen')}
                checked={row.reopen}
                onChange={(event) =>
                  update({
                    items: draft.items.map((r, j) => (j === i ? { ...r, reopen: event.target.checked } : r)),
                  })
                }
              />
              <Button
                appearance="subtle-button"
                onClick={() => update({ items: draft.items.filter((_, j) => j !== i) })}
              >
                {t('adminSurveys.settings.removeItem', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <div>
            <Button
              appearance="secondary-action-button"
              onClick={() =>
                update({
                  items: [...draft.items, { rowKey: ++nextRow, itemCode: '', survey: '', reopen: false }],
                })
              }
            >
              {t('adminSurveys.settings.addItem')}
            </Button>
          </div>
        </Section>
        <div>
          <SubmitButton busy={save.isPending}>{t('adminSurveys.settings.save')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}
