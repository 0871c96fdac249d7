import {
  CHANNELS,
  type ImprovementDetail,
  improvementCreateSchema,
  KPI_CATALOGUE,
  KPI_CODES,
  type KpiCode,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCreateImprovement, useOwners, useTeams, useUpdateImprovement } from './api.ts';

type Values = {
  title: string;
  problem: string;
  expectedEffect: string;
  ownerId: string;
  teamId: string;
  elementCode: string;
  channel: string;
};

/** A proposal: new (no `current`) or changed (with its version). */
export function ImprovementForm({
  current,
  onDone,
}: {
  current?: ImprovementDetail | undefined;
  onDone: (saved: ImprovementDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const owners = useOwners(true);
  const teams = useTeams();
  const create = useCreateImprovement();
  const update = useUpdateImprovement(current?.id ?? '');
  const mutation = current ? update : create;
  const [quickWin, setQuickWin] = useState(current?.quickWin ?? false);
  const [kpis, setKpis] = useState<KpiCode[]>(current?.kpis.map((k) => k.code) ?? []);
  const f = (
    k: keyof typeof import('../../i18n/sections/excellence-improvements.nl.json')['improvements']['fields'],
  ) => `improvements.fields.${k}` as const;
  const form = useForm<Values>(
    {
      title: current?.title ?? '',
      problem: current?.problem ?? '',
      expectedEffect: current?.expectedEffect ?? '',
      ownerId: current?.ownerId ?? '',
      teamId: current?.teamId ?? '',
      elementCode: current?.elementCode ?? '',
      channel: current?.kpis[0]?.filter.channel ?? '',
    },
    {
      title: { id: 'improvement-title', label: t(f('title')) },
      problem: { id: 'improvement-problem', label: t(f('problem')) },
      expectedEffect: { id: 'improvement-effect', label: t(f('expectedEffect')) },
      ownerId: { id: 'improvement-owner', label: t(f('owner')) },
      teamId: { id: 'improvement-team', label: t(f('team')) },
      elementCode: { id: 'improvement-element', label: t(f('element')) },
      channel: { id: 'improvement-channel', label: t(f('kpiChannel')) },
      kpis: { id: `improvement-kpi-${KPI_CODES[0]}`, label: t(f('kpis')) },
    },
  );

  const onSubmit = form.submit(() => {
    const v = form.values;
    const filter = v.channel ? { channel: v.channel } : undefined;
    const body = {
      title: v.title,
      problem: v.problem,
      expectedEffect: v.expectedEffect || undefined,
      ownerId: v.ownerId,
      quickWin,
      origin: current?.origin ?? 'manual',
      teamId: v.teamId || undefined,
      elementCode: v.elementCode || undefined,
      kpis: kpis.map((code) => ({ code, ...(filter ? { filter } : {}) })),
    };
    const data = form.validate(improvementCreateSchema.safeParse(body));
    if (!data) return;
    if (current) {
      const { origin: _o, originId: _i, ...rest } = data;
      update.mutate({ ...rest, version: current.version }, { onSuccess: onDone, onError: form.onError });
    } else create.mutate(data, { onSuccess: onDone, onError: form.onError });
  });

  return (
    <>
      <FormErrorAlert form={form} error={mutation.error} />
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        <TextField {...form.field('title')} maxLength={200} required autoComplete="off" />
        <TextareaField
          {...form.field('problem')}
          maxLength={5000}
          required
          rows={4}
          description={t(f('problemHint'))}
        />
        <TextareaField {...form.field('expectedEffect')} maxLength={5000} rows={3} optional />
        <SelectField
          {...form.field('ownerId')}
          required
          description={t(f('ownerHint'))}
          emptyOption="—"
          options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          {...form.field('teamId')}
          optional
          emptyOption="—"
          options={(teams.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField
          {...form.field('elementCode')}
          optional
          maxLength={40}
          autoComplete="off"
          description={t(f('elementHint'))}
        />
        <CheckboxField
          id="improvement-quick-win"
          label={t('improvements.quickWin')}
          description={t('improvements.quickWinHint')}
          checked={quickWin}
          onChange={(e) => setQuickWin(e.currentTarget.checked)}
        />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset vd-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t(f('kpis'))}
          </legend>
          <p className="utrecht-form-field-description">{t(f('kpisHint'))}</p>
          <div className="vd-improvement-kpis">
            {KPI_CODES.map((code) => (
              <CheckboxField
                key={code}
                id={`improvement-kpi-${code}`}
                label={KPI_CATALOGUE[code].name[lang]}
                checked={kpis.includes(code)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setKpis((now) => (on ? [...now, code] : now.filter((c) => c !== code)));
                }}
              />
            ))}
          </div>
        </fieldset>
        <SelectField
          {...form.field('channel')}
          optional
          emptyOption={t('improvements.allChannels')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`catalogue.channel.${c}` as never) }))}
        />
        <ButtonGroup>
          <SubmitButton busy={mutation.isPending}>{t('improvements.save')}</SubmitButton>
        </ButtonGroup>
      </form>
    </>
  );
}
