import { Button } from '@utrecht/button-react';
import { AGE_BANDS, CHANNELS, CUSTOMER_KINDS, type KpiCode } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/access.ts';
import { useChartWords } from '../../lib/charts/Chart.tsx';
import { formatValue } from '../../lib/charts/chartData.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  type KpiDefinition,
  type Segment,
  type SegmentRule,
  useDeleteSegment,
  useKpis,
  useSaveSegment,
  useSegments,
  useSetTarget,
} from './api.ts';
import { MonitoringNav, useWords } from './parts.tsx';

/** Monitoring settings (`/monitoring/settings`): the organisation's target per KPI, and its segments. */
export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('monitoring.settings.title'));
  const targets = useCan('manageKpiTargets');
  const segments = useCan('manageSegments');
  return (
    <div className="vd-stack vd-stack--loose vd-monitoring">
      <PageIntro title={t('monitoring.settings.title')} intro={t('monitoring.settings.intro')} />
      <MonitoringNav />
      {targets ? <Targets /> : null}
      {segments ? <Segments /> : null}
    </div>
  );
}

function TargetRow({ kpi }: { kpi: KpiDefinition }) {
  const { t } = useTranslation();
  const word = useWords();
  const words = useChartWords();
  const save = useSetTarget();
  const { i18n } = useTranslation();
  // Shown with the decimal comma in Dutch; both a comma and a point are read back.
  const [value, setValue] = useState(
    kpi.target === null
      ? ''
      : i18n.language === 'en'
        ? String(kpi.target)
        : String(kpi.target).replace('.', ','),
  );
  const [saved, setSaved] = useState(false);
  const number = Number(value.replace(',', '.'));
  const invalid =
    value.trim() === '' || !Number.isFinite(number) || number < 0 || (kpi.unit === 'percent' && number > 100);
  const name = word(kpi.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    setSaved(false);
    save.mutate(
      {
        code: kpi.code as KpiCode,
        target: number,
        version: kpi.targetVersion,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <TableRow>
      <TableHeaderCell scope="row">{name}</TableHeaderCell>
      <TableCell>
        {kpi.defaultTarget === null
          ? t('monitoring.tile.noTarget')
          : formatValue(kpi.defaultTarget, kpi.unit, words)}
      </TableCell>
      <TableCell>
        <form onSubmit={submit} className="vd-target-form" noValidate>
          <TextField
            id={`target-${kpi.code}`}
            label={t('monitoring.settings.targetFor', { name, unit: t(`monitoring.unit.${kpi.unit}`) })}
            inputMode="decimal"
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setSaved(false);
            }}
            error={value !== '' && invalid ? t('monitoring.settings.targetInvalid') : undefined}
          />
          <Button type="submit" appearance="secondary-action-button" disabled={save.isPending}>
            {t('monitoring.settings.save')}
            <span className="vd-visually-hidden"> {name}</span>
          </Button>
          <span role="status">{saved ? t('monitoring.settings.saved') : ''}</span>
        </form>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
      </TableCell>
    </TableRow>
  );
}

function Targets() {
  const { t } = useTranslation();
  const kpis = useKpis();
  return (
    <section className="vd-stack" aria-labelledby="settings-targets">
      <Heading level={2} id="settings-targets">
        {t('monitoring.settings.targets')}
      </Heading>
      <Paragraph>{t('monitoring.settings.targetsIntro')}</Paragraph>
      {kpis.isError ? <ErrorAlert error={kpis.error} /> : null}
      {kpis.data ? (
        <Table caption={t('monitoring.settings.targets')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.kpi.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.settings.standard')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.kpi.target')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kpis.data
              .filter((kpi) => kpi.direction !== 'none')
              .map((kpi) => (
                <TargetRow key={kpi.code} kpi={kpi} />
              ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}

type RuleKey = keyof SegmentRule;
const RULE_CHOICES: { key: Exclude<RuleKey, 'area'>; values: readonly string[] }[] = [
  { key: 'customerKind', values: CUSTOMER_KINDS },
  { key: 'language', values: ['nl', 'en'] },
  { key: 'ageBand', values: AGE_BANDS },
  { key: 'channel', values: CHANNELS },
];

/** A rule in words: "Soort klant: inwoner · Leeftijd: 65-74, 75+". */
function useRuleText() {
  const { t } = useTranslation();
  const valueLabel = (key: RuleKey, value: string) =>
    key === 'customerKind'
      ? t(`monitoring.settings.customerKind.${value}` as 'monitoring.settings.customerKind.resident')
      : key === 'channel'
        ? t(`catalogue.channel.${value}` as 'catalogue.channel.web')
        : key === 'language'
          ? t(`monitoring.settings.language.${value}` as 'monitoring.settings.language.nl')
          : value;
  return {
    valueLabel,
    text: (rule: SegmentRule) =>
      (Object.entries(rule) as [RuleKey, string[] | undefined][])
        .filter(([, values]) => values?.length)
        .map(
          ([key, values]) =>
            `${t(`monitoring.settings.rule.${key}`)}: ${values?.map((v) => valueLabel(key, v)).join(', ')}`,
        )
        .join(' · ') || t('monitoring.settings.everyone'),
  };
}

function Segments() {
  const { t } = useTranslation();
  const word = useWords();
  const segments = useSegments();
  const remove = useDeleteSegment();
  const rule = useRuleText();
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  return (
    <section className="vd-stack" aria-labelledby="settings-segments">
      <Heading level={2} id="settings-segments">
        {t('monitoring.settings.segments')}
      </Heading>
      <Paragraph>{t('monitoring.settings.segmentsIntro')}</Paragraph>
      {segments.isError ? <ErrorAlert error={segments.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {segments.data && !segments.data.length ? (
        <Paragraph>{t('monitoring.settings.noSegments')}</Paragraph>
      ) : null}
      {segments.data?.length ? (
        <Table caption={t('monitoring.settings.segments')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.settings.segmentName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.settings.rule.label')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.settings.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {segments.data.map((segment) => (
              <TableRow key={segment.id}>
                <TableHeaderCell scope="row">{word(segment.name)}</TableHeaderCell>
                <TableCell>{rule.text(segment.rule)}</TableCell>
                <TableCell>
                  <Button appearance="subtle-button" onClick={() => setEditing(segment)}>
                    {t('monitoring.settings.edit')}
                    <span className="vd-visually-hidden"> {word(segment.name)}</span>
                  </Button>
                  <Button appearance="subtle-button" onClick={() => remove.mutate(segment.id)}>
                    {t('monitoring.settings.delete')}
                    <span className="vd-visually-hidden"> {word(segment.name)}</span>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {editing ? (
        <SegmentForm
          key={editing === 'new' ? 'new' : editing.id}
          segment={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div>
          <Button appearance="secondary-action-button" onClick={() => setEditing('new')}>
            {t('monitoring.settings.newSegment')}
          </Button>
        </div>
      )}
    </section>
  );
}

function SegmentForm({ segment, onDone }: { segment?: Segment | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSegment();
  const rule = useRuleText();
  const [code, setCode] = useState(segment?.code ?? '');
  const [nameNl, setNameNl] = useState(segment?.name.nl ?? '');
  const [nameEn, setNameEn] = useState(segment?.name.en ?? '');
  const [chosen, setChosen] = useState<SegmentRule>(segment?.rule ?? {});
  const [areas, setAreas] = useState((segment?.rule.area ?? []).join(', '));
  const [tried, setTried] = useState(false);
  const codeError =
    tried && !/^[a-z0-9][a-z0-9-]{0,59}$/.test(code) ? t('monitoring.settings.codeInvalid') : undefined;
  const nameError = tried && !nameNl.trim() ? t('monitoring.settings.nameRequired') : undefined;
  const toggle = (key: RuleKey, value: string, on: boolean) =>
    setChosen((current) => {
      const values = new Set(current[key] ?? []);
      if (on) values.add(value);
      else values.delete(value);
      const next = { ...current, [key]: [...values] };
      if (!values.size) delete next[key];
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(code) || !nameNl.trim()) return;
    const area = areas
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const body = {
      code,
      name: { nl: nameNl.trim(), en: nameEn.trim() || nameNl.trim() },
      rule: { ...chosen, ...(area.length ? { area } : {}) },
    };
    save.mutate(segment ? { ...body, id: segment.id } : body, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="vd-stack vd-panel" noValidate>
      <Heading level={3}>
        {segment ? t('monitoring.settings.editSegment') : t('monitoring.settings.newSegment')}
      </Heading>
      <ErrorAlert
        error={save.error}
        fieldErrors={{ code: codeError, name: nameError }}
        fields={{
          code: { label: t('monitoring.settings.code'), id: 'segment-code' },
          name: { label: t('monitoring.settings.nameNl'), id: 'segment-name-nl' },
        }}
      />
      <TextField
        id="segment-code"
        label={t('monitoring.settings.code')}
        description={t('monitoring.settings.codeHint')}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={codeError}
      />
      <TextField
        id="segment-name-nl"
        label={t('monitoring.settings.nameNl')}
        value={nameNl}
        onChange={(event) => setNameNl(event.target.value)}
        error={nameError}
      />
      <TextField
        id="segment-name-en"
        label={t('monitoring.settings.nameEn')}
        value={nameEn}
        onChange={(event) => setNameEn(event.target.value)}
      />
      {RULE_CHOICES.map(({ key, values }) => (
        <fieldset key={key} className="vd-fieldset">
          <legend>{t(`monitoring.settings.rule.${key}`)}</legend>
          {values.map((value) => (
            <CheckboxField
              key={value}
              id={`segment-${key}-${value}`}
              label={rule.valueLabel(key, value)}
              checked={Boolean(chosen[key]?.includes(value))}
              onChange={(event) => toggle(key, value, event.currentTarget.checked)}
            />
          ))}
        </fieldset>
      ))}
      <TextField
        id="segment-area"
        label={t('monitoring.settings.rule.area')}
        description={t('monitoring.settings.areaHint')}
        value={areas}
        onChange={(event) => setAreas(event.target.value)}
      />
      <div className="utrecht-button-group">
        <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
          {t('monitoring.settings.saveSegment')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onDone}>
          {t('monitoring.settings.cancel')}
        </Button>
      </div>
    </form>
  );
}
