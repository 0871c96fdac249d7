import {
  type ImprovementDetail,
  type ImprovementEffect,
  type ImprovementStatus,
  KPI_CATALOGUE,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { intlLocale, useFormat } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { Chart } from '../../lib/charts/Chart.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import {
  useImprovement,
  useImprovementEffect,
  useMoveImprovement,
  usePublishImprovement,
  useTeams,
} from './api.ts';
import { ImprovementForm } from './ImprovementForm.tsx';
import './improvements.css';

/** Where an improvement came from, when that page exists for an id. */
function originHref(i: ImprovementDetail): string | null {
  switch (i.origin) {
    case 'signals':
      return '/excellence/signals';
    case 'assessment':
      return i.originId ? `/excellence/assessments/${i.originId}` : '/excellence/assessments';
    case 'strategy':
      return '/excellence/strategy';
    case 'idea':
      return i.originId ? `/excellence/ideas/${i.originId}` : '/excellence/ideas';
    default:
      return null;
  }
}

/** One improvement: what it is, its PDCA moves, its measured effect and what the public page says. */
export function ImprovementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const one = useImprovement(id);
  const i = one.data;
  useDocumentTitle(i?.title ?? t('improvements.title'));
  const mayManage = useCan('manageImprovements');
  const [editing, setEditing] = useState(false);
  const fmt = useFormat();
  const teams = useTeams();
  const teamName = i?.teamId ? teams.data?.find((x) => x.id === i.teamId)?.name : undefined;
  const statusBadge = (s: ImprovementStatus) => (
    <StatusBadge status={s === 'done' ? 'active' : s === 'stopped' ? 'inactive' : 'neutral'}>
      {t(`improvements.status.${s}`)}
    </StatusBadge>
  );
  if (one.isError) return <ErrorAlert error={one.error} />;
  if (!i) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const href = originHref(i);
  const open = i.status !== 'done' && i.status !== 'stopped';
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={i.title} intro={i.problem} />
      <ExcellenceNav />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/excellence/improvements">
          {t('improvements.back')}
        </Link>
      </p>
      <DataList
        items={[
          { key: 'status', label: t('improvements.statusLabel'), value: statusBadge(i.status) },
          { key: 'owner', label: t('improvements.owner'), value: i.ownerName },
          ...(teamName ? [{ key: 'team', label: t('improvements.detail.team'), value: teamName }] : []),
          {
            key: 'origin',
            label: t('improvements.detail.origin'),
            value: (
              <>
                {t(`improvements.origin.${i.origin}`)}
                {href ? (
                  <>
                    {' — '}
                    <Link className="utrecht-link" to={href}>
                      {t('improvements.detail.originLink')}
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
          ...(i.elementCode
            ? [{ key: 'element', label: t('improvements.detail.element'), value: i.elementCode }]
            : []),
          ...(i.quickWin ? [{ key: 'quick', label: t('improvements.quickWin'), value: '✓' }] : []),
          { key: 'created', label: t('improvements.detail.created'), value: fmt.date(i.createdAt) },
          ...(['doAt', 'checkAt', 'actAt', 'doneAt', 'stoppedAt'] as const)
            .filter((k) => i[k])
            .map((k) => ({ key: k, label: t(`improvements.detail.${k}`), value: fmt.date(i[k] as string) })),
          ...(i.stopReason
            ? [{ key: 'reason', label: t('improvements.detail.stopReason'), value: i.stopReason }]
            : []),
        ]}
      />
      {i.expectedEffect ? (
        <Section headingId="expected" title={t('improvements.detail.expectedEffect')}>
          <Paragraph>{i.expectedEffect}</Paragraph>
        </Section>
      ) : null}
      {mayManage ? <Moves improvement={i} /> : null}
      {mayManage && open ? (
        editing ? (
          <Section headingId="improvement-edit" title={t('improvements.edit')} panel>
            <ImprovementForm current={i} onDone={() => setEditing(false)} />
          </Section>
        ) : (
          <div>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => setEditing(true)}
            >
              {t('improvements.edit')}
            </button>
          </div>
        )
      ) : null}
      <EffectSection improvement={i} />
      {mayManage && i.status === 'done' ? <Publication improvement={i} /> : null}
    </div>
  );
}

function Moves({ improvement: i }: { improvement: ImprovementDetail }) {
  const { t } = useTranslation();
  const move = useMoveImprovement(i.id);
  const form = useForm<{ stopReason: string }>(
    { stopReason: '' },
    { stopReason: { id: 'improvement-stop-reason', label: t('improvements.fields.stopReason') } },
  );
  const go = (status: ImprovementStatus) =>
    move.mutate(
      { status, version: i.version, ...(status === 'stopped' ? { stopReason: form.values.stopReason } : {}) },
      { onError: form.onError, onSuccess: () => form.reset() },
    );
  const forward = i.nextStatuses.filter((s) => s !== 'stopped');
  return (
    <Section headingId="moves" title={t('improvements.detail.moves')}>
      <FormErrorAlert form={form} error={move.error} />
      {i.nextStatuses.length === 0 ? (
        <Paragraph>{t('improvements.detail.noMoves')}</Paragraph>
      ) : (
        <>
          <div className="vd-improvement-moves">
            {forward.map((s) => (
              <button
                key={s}
                type="button"
                className="utrecht-button utrecht-button--primary-action"
                disabled={move.isPending}
                onClick={() => go(s)}
              >
                {t(`improvements.move.${s}`)}
              </button>
            ))}
          </div>
          {i.nextStatuses.includes('stopped') ? (
            <form
              className="vd-form"
              noValidate
              onSubmit={form.submit(() => {
                if (!form.values.stopReason.trim())
                  return void form.report({ stopReason: t('improvements.fields.stopReason') });
                go('stopped');
              })}
            >
              <TextareaField {...form.field('stopReason')} rows={2} maxLength={2000} />
              <div>
                <SubmitButton busy={move.isPending}>{t('improvements.move.stopped')}</SubmitButton>
              </div>
            </form>
          ) : null}
        </>
      )}
    </Section>
  );
}

function EffectSection({ improvement: i }: { improvement: ImprovementDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const effect = useImprovementEffect(i.id, i.status);
  const fmt = useFormat();
  const num = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 2 });
  const e: ImprovementEffect | undefined = effect.data;
  const day = (d: string) => fmt.date(`${d}T12:00:00`);
  return (
    <Section headingId="effect" title={t('improvements.effect.title')}>
      <Paragraph>{t('improvements.effect.intro')}</Paragraph>
      {effect.isError ? <ErrorAlert error={effect.error} /> : null}
      {i.kpis.length === 0 ? <Paragraph>{t('improvements.detail.noKpis')}</Paragraph> : null}
      {e?.reason ? <Paragraph>{e.reason[lang]}</Paragraph> : null}
      {e?.before && e.after ? (
        <Paragraph>
          {t('improvements.effect.periods', {
            beforeFrom: day(e.before.from),
            beforeTo: day(e.before.to),
            afterFrom: day(e.after.from),
            afterTo: day(e.after.to),
          })}
          {e.measuredAt ? ` ${t('improvements.effect.stored', { date: fmt.date(e.measuredAt) })}` : ''}
        </Paragraph>
      ) : null}
      {e?.before && e.after
        ? e.items.map((item) => {
            const name = KPI_CATALOGUE[item.code].name[lang];
            const c = item.comparison;
            return (
              <Section key={item.id} headingId={`effect-${item.id}`} title={name} level={3}>
                {c ? (
                  <>
                    <Paragraph>{c.explanation[lang]}</Paragraph>
                    <Chart
                      initialView="chart"
                      direction={c.direction}
                      spec={{
                        type: 'bar',
                        title: t('improvements.effect.chart', { kpi: name }),
                        categoryLabel: t('improvements.effect.period'),
                        categories: [t('improvements.effect.before'), t('improvements.effect.after')],
                        categoryKeys: [`${c.a.from}/${c.a.to}`, `${c.b.from}/${c.b.to}`],
                        series: [{ name, values: [c.a.value, c.b.value] }],
                        unit: c.unit,
                      }}
                    />
                    <Table caption={t('improvements.effect.chart', { kpi: name })} captionHidden>
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell>{t('improvements.effect.period')}</TableHeaderCell>
                          <TableHeaderCell>{t('improvements.effect.value')}</TableHeaderCell>
                          <TableHeaderCell>{t('improvements.effect.n')}</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {(
                          [
                            ['before', c.a],
                            ['after', c.b],
                          ] as const
                        ).map(([k, p]) => (
                          <TableRow key={k}>
                            <TableHeaderCell scope="row">
                              {t(`improvements.effect.${k}`)} ({day(p.from)} – {day(p.to)})
                            </TableHeaderCell>
                            <TableCell>{p.value === null ? '—' : num.format(p.value)}</TableCell>
                            <TableCell>{num.format(p.n)}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                    <DataList
                      items={[
                        {
                          key: 'difference',
                          label: t('improvements.effect.difference'),
                          value: c.difference === null ? '—' : num.format(c.difference),
                        },
                        {
                          key: 'test',
                          label: t('improvements.effect.test'),
                          value: t(`improvements.effect.tests.${c.test ?? 'none'}`),
                        },
                        {
                          key: 'p',
                          label: t('improvements.effect.pValue'),
                          value: c.pValue === null ? '—' : num.format(c.pValue),
                        },
                        {
                          key: 'verdict',
                          label: t('improvements.effect.title'),
                          value: t(
                            `improvements.effect.verdict.${c.significant === null ? 'unknown' : c.significant ? 'significant' : 'notSignificant'}`,
                          ),
                        },
                      ]}
                    />
                  </>
                ) : (
                  <Paragraph>{item.reason?.[lang] ?? '—'}</Paragraph>
                )}
              </Section>
            );
          })
        : null}
    </Section>
  );
}

function Publication({ improvement: i }: { improvement: ImprovementDetail }) {
  const { t } = useTranslation();
  const publish = usePublishImprovement(i.id);
  const [published, setPublished] = useState(i.published);
  const [saved, setSaved] = useState(false);
  const form = useForm<{ publicSummaryNl: string; publicSummaryEn: string }>(
    { publicSummaryNl: i.publicSummaryNl ?? '', publicSummaryEn: i.publicSummaryEn ?? '' },
    {
      publicSummaryNl: { id: 'public-summary-nl', label: t('improvements.fields.publicSummaryNl') },
      publicSummaryEn: { id: 'public-summary-en', label: t('improvements.fields.publicSummaryEn') },
      published: { id: 'public-published', label: t('improvements.fields.published') },
    },
  );
  return (
    <Section headingId="publication" title={t('improvements.publication.title')}>
      <Paragraph>{t('improvements.publication.intro')}</Paragraph>
      <Paragraph role="status">
        {saved ? `${t('improvements.saved')} ` : ''}
        {i.published ? t('improvements.publication.isPublished') : t('improvements.publication.notPublished')}
      </Paragraph>
      <FormErrorAlert form={form} error={publish.error} />
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setSaved(false);
          publish.mutate(
            { ...form.values, published, version: i.version },
            { onError: form.onError, onSuccess: () => setSaved(true) },
          );
        })}
      >
        <TextareaField
          {...form.field('publicSummaryNl')}
          rows={3}
          maxLength={1000}
          lang="nl"
          description={t('improvements.fields.publicSummaryHint')}
        />
        <TextareaField {...form.field('publicSummaryEn')} rows={3} maxLength={1000} lang="en" optional />
        <CheckboxField
          id="public-published"
          label={t('improvements.fields.published')}
          checked={published}
          onChange={(ev) => setPublished(ev.currentTarget.checked)}
        />
        <div>
          <SubmitButton busy={publish.isPending}>{t('improvements.save')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}
