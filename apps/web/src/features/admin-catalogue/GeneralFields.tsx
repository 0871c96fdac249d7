import {
  AUDIENCES,
  CATALOGUE_LIMITS,
  CHANNELS,
  type Channel,
  ITEM_KINDS,
  NORM_UNITS,
} from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useTeams } from '../admin-teams/index.ts';
import { catalogueField, type FlatKey, fieldId } from './definitionForm.ts';

/** What useForm's `field(key)` gives a control. */
export type FieldFor = (key: FlatKey) => {
  id: string;
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error: string | undefined;
};

const L = CATALOGUE_LIMITS;

/** Name, texts, audience, kind, channels, cost, team, search words and related items. */
export function GeneralFields({
  field,
  channels,
  onChannels,
  channelsError,
}: {
  field: FieldFor;
  channels: Channel[];
  onChannels: (channels: Channel[]) => void;
  channelsError: string | undefined;
}) {
  const { t } = useTranslation();
  const teams = useTeams();
  const team = field('team').value;
  const teamOptions = (teams.data ?? []).map((tm) => ({ value: tm.name, label: tm.name }));
  if (team && !teamOptions.some((option) => option.value === team))
    teamOptions.push({ value: team, label: team });
  const toggle = (channel: Channel, on: boolean) =>
    onChannels(CHANNELS.filter((c) => (c === channel ? on : channels.includes(c))));
  return (
    <Section level={3} headingId="cat-general-heading" focusHeading title={t('catalogueAdmin.generalTitle')}>
      <TextField {...field('name.nl')} maxLength={L.nameMax} autoComplete="off" required />
      <TextareaField {...field('summary.nl')} maxLength={L.summaryMax} rows={2} required />
      <TextareaField
        {...field('description.nl')}
        description={t('catalogueAdmin.markdownHint')}
        maxLength={L.textMax}
        rows={6}
        required
      />
      <div className="vd-row__fields">
        <SelectField
          {...field('audience')}
          options={AUDIENCES.map((value) => ({ value, label: t(`catalogue.audience.${value}`) }))}
        />
        <SelectField
          {...field('kind')}
          options={ITEM_KINDS.map((value) => ({ value, label: t(`catalogue.kind.${value}`) }))}
        />
        <SelectField
          {...field('team')}
          emptyOption={t('catalogueAdmin.noTeam')}
          options={teamOptions}
          optional
        />
      </div>
      <fieldset
        className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset vd-fieldset"
        aria-describedby={channelsError ? `${fieldId('channels')}-error` : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('catalogue.channels')}
        </legend>
        {channelsError ? (
          <Paragraph id={`${fieldId('channels')}-error`} className="utrecht-form-field-error-message">
            {channelsError}
          </Paragraph>
        ) : null}
        <div className="vd-checks">
          {CHANNELS.map((channel, index) => (
            <CheckboxField
              key={channel}
              id={fieldId(`channels.${index}`)}
              label={t(`catalogue.channel.${channel}`)}
              checked={channels.includes(channel)}
              onChange={(event) => toggle(channel, event.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      <TextField
        {...field('costCents')}
        description={t('catalogueAdmin.costHint')}
        inputMode="decimal"
        autoComplete="off"
        className="vd-input-short"
        optional
      />
      <TextareaField {...field('costNote.nl')} maxLength={500} rows={2} optional />
      <TextareaField
        {...field('conditions.nl')}
        description={t('catalogueAdmin.markdownHint')}
        maxLength={L.textMax}
        rows={3}
        optional
      />
      <TextareaField
        {...field('whatToBring.nl')}
        description={t('catalogueAdmin.markdownHint')}
        maxLength={L.textMax}
        rows={3}
        optional
      />
      <TextField
        {...field('synonyms')}
        description={t('catalogueAdmin.wordsHint')}
        autoComplete="off"
        optional
      />
      <TextField
        {...field('keywords')}
        description={t('catalogueAdmin.wordsHint')}
        autoComplete="off"
        optional
      />
      <TextField
        {...field('related')}
        description={t('catalogueAdmin.relatedHint')}
        autoComplete="off"
        spellCheck={false}
        optional
      />

      <Section level={4} headingId="cat-english-heading" title={t('catalogueAdmin.englishTitle')}>
        <Paragraph>{t('catalogueAdmin.englishIntro')}</Paragraph>
        <TextField {...field('name.en')} maxLength={L.nameMax} autoComplete="off" optional />
        <TextareaField {...field('summary.en')} maxLength={L.summaryMax} rows={2} optional />
        <TextareaField {...field('description.en')} maxLength={L.textMax} rows={4} optional />
        <TextareaField {...field('costNote.en')} maxLength={500} rows={2} optional />
        <TextareaField {...field('conditions.en')} maxLength={L.textMax} rows={3} optional />
        <TextareaField {...field('whatToBring.en')} maxLength={L.textMax} rows={3} optional />
      </Section>
    </Section>
  );
}

/** The service norm, the internal target and the legal term (amount and unit each), and the legal basis. */
export function NormsFields({ field }: { field: FieldFor }) {
  const { t } = useTranslation();
  const units = NORM_UNITS.map((value) => ({ value, label: t(`catalogue.unit.${value}`) }));
  const norms = [
    { key: 'serviceNorm', title: t('catalogue.serviceNorm'), hint: t('catalogueAdmin.serviceNormHint') },
    {
      key: 'internalTarget',
      title: t('catalogue.internalTarget'),
      hint: t('catalogueAdmin.internalTargetHint'),
    },
    { key: 'legalTerm', title: t('catalogue.legalTerm'), hint: t('catalogueAdmin.legalTermHint') },
  ] as const;
  return (
    <Section level={3} headingId="cat-norms-heading" focusHeading title={t('catalogueAdmin.normsTitle')}>
      {norms.map((norm) => (
        <fieldset
          key={norm.key}
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset vd-fieldset"
          aria-describedby={`${fieldId(`norms.${norm.key}`)}-hint`}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {norm.title}
            {norm.key === 'serviceNorm' ? null : <span className="vd-muted"> {t('common.optional')}</span>}
          </legend>
          <Paragraph id={`${fieldId(`norms.${norm.key}`)}-hint`} className="vd-muted">
            {norm.hint}
          </Paragraph>
          <div className="vd-row__fields">
            <TextField
              {...field(`norms.${norm.key}.amount`)}
              label={catalogueField(t, 'amount')}
              inputMode="decimal"
              autoComplete="off"
              className="vd-input-short"
              required={norm.key === 'serviceNorm'}
            />
            <SelectField
              {...field(`norms.${norm.key}.unit`)}
              label={catalogueField(t, 'unit')}
              options={units}
            />
          </div>
        </fieldset>
      ))}
      <TextField {...field('norms.legalBasis')} maxLength={300} autoComplete="off" optional />
    </Section>
  );
}
