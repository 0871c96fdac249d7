import { Button } from '@utrecht/button-react';
import {
  KPI_CATALOGUE,
  KPI_CODES,
  SIGNAL_KINDS,
  SIGNAL_LIMITS,
  type Signal,
  type SignalCluster,
  signalDismissBodySchema,
  signalProposeBodySchema,
} from '@voordeur/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import {
  type ClusterFilters,
  useCluster,
  useClusters,
  useDismissCluster,
  useDismissSignal,
  useMoveSignal,
  useOwners,
  useProposeCluster,
} from './api.ts';
import './signals.css';

type Status = 'open' | 'dismissed' | 'proposed';
/** Groups shown at first and added per "more": the largest come first, and a long list is hard to work through. */
const PAGE = 20;
/** After a cluster was handled: the message to show (and the proposal it became). */
type Done = (message: string, improvementId?: string) => void;

/** The improvement inbox: clusters of signals first (largest and newest), filters, and the triage of a cluster. */
export function SignalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signals.title'));
  const [filters, setFilters] = useState<ClusterFilters & { status: Status }>({ status: 'open' });
  const [selected, setSelected] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [notice, setNotice] = useState<{ message: string; improvementId?: string | undefined } | null>(null);
  const clusters = useClusters(filters);
  const total = clusters.data?.length ?? 0;
  // The options of the team and item filters: what the open clusters hold.
  const all = useClusters({ status: filters.status });
  const teams = unique((all.data ?? []).map((c) => c.team));
  const items = unique((all.data ?? []).map((c) => c.item));
  const set = (key: keyof ClusterFilters) => (event: { target: { value: string } }) => {
    setSelected(null);
    setShown(PAGE);
    setFilters((f) => ({ ...f, [key]: event.target.value || undefined }));
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('signals.title')} intro={t('signals.intro')} />
      <ExcellenceNav />
      {notice ? (
        <Notice>
          {notice.message}{' '}
          {notice.improvementId ? (
            <Link className="utrecht-link" to={`/excellence/improvements/${notice.improvementId}`}>
              {t('signals.toImprovement')}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      <Section headingId="signals-filters" title={t('signals.filters')} level={2}>
        <div className="vd-signals__filters">
          <SelectField
            id="signals-status"
            label={t('signals.status')}
            value={filters.status}
            onChange={set('status')}
            options={(['open', 'proposed', 'dismissed'] as const).map((s) => ({
              value: s,
              label: t(`signals.statuses.${s}`),
            }))}
          />
          <SelectField
            id="signals-kind"
            label={t('signals.kind')}
            value={filters.kind ?? ''}
            onChange={set('kind')}
            emptyOption={t('signals.all')}
            options={SIGNAL_KINDS.map((k) => ({ value: k, label: t(`signals.kinds.${k}`) }))}
          />
          <SelectField
            id="signals-team"
            label={t('signals.team')}
            value={filters.teamId ?? ''}
            onChange={set('teamId')}
            emptyOption={t('signals.all')}
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
          />
          <SelectField
            id="signals-item"
            label={t('signals.item')}
            value={filters.itemId ?? ''}
            onChange={set('itemId')}
            emptyOption={t('signals.all')}
            options={items.map((x) => ({ value: x.id, label: x.name }))}
          />
        </div>
      </Section>
      <Section headingId="signals-clusters" title={t('signals.clusters')} level={2}>
        {clusters.error ? <ErrorAlert error={clusters.error} /> : null}
        {clusters.isPending ? <Paragraph>{t('signals.loading')}</Paragraph> : null}
        {clusters.data?.length === 0 ? <Paragraph>{t('signals.none')}</Paragraph> : null}
        {total > PAGE ? (
          <Paragraph>{t('signals.shown', { shown: Math.min(shown, total), total })}</Paragraph>
        ) : null}
        <ol className="vd-signals__clusters">
          {(clusters.data ?? []).slice(0, shown).map((c) => (
            <ClusterCard
              key={c.id}
              cluster={c}
              open={selected === c.id}
              onToggle={() => setSelected(selected === c.id ? null : c.id)}
              others={(all.data ?? []).filter((o) => o.id !== c.id && o.status === 'open')}
              onDone={(message, improvementId) => {
                setSelected(null);
                setNotice({ message, improvementId });
              }}
            />
          ))}
        </ol>
        {total > shown ? (
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => setShown((n) => n + PAGE)}>
              {t('signals.more', { count: Math.min(PAGE, total - shown) })}
            </Button>
          </ButtonGroup>
        ) : null}
      </Section>
    </div>
  );
}

function unique(refs: ({ id: string; name: string } | null)[]) {
  const map = new Map<string, { id: string; name: string }>();
  for (const r of refs) if (r) map.set(r.id, r);
  return [...map.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A cluster's name: what its signals share (item, team, reason), else its kinds. */
export function useClusterName() {
  const { t } = useTranslation();
  return (c: Pick<SignalCluster, 'item' | 'team' | 'breachReason' | 'kinds'>) =>
    [c.item?.name, c.team?.name, c.breachReason ? t('signals.reason', { reason: c.breachReason }) : null]
      .filter(Boolean)
      .join(' · ') || c.kinds.map((k) => t(`signals.kinds.${k}`)).join(', ');
}

function ClusterCard(props: {
  cluster: SignalCluster;
  open: boolean;
  onToggle: () => void;
  others: SignalCluster[];
  onDone: Done;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = useClusterName();
  const c = props.cluster;
  const headingId = `cluster-${c.id}`;
  const panelId = `cluster-${c.id}-signals`;
  return (
    <li className="vd-panel vd-stack vd-signals__cluster" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {name(c)}
      </Heading>
      <p className="utrecht-paragraph vd-muted">
        {t('signals.count', { count: c.count })}
        {c.weight > c.count ? ` · ${t('signals.weight', { weight: c.weight })}` : ''}
        {c.firstAt && c.lastAt ? ` · ${f.date(c.firstAt)} – ${f.date(c.lastAt)}` : ''}
      </p>
      <ul className="vd-signals__kinds" aria-label={t('signals.kinds.label')}>
        {c.kinds.map((k) => (
          <li key={k} className="vd-signals__kind">
            {t(`signals.kinds.${k}`)}
          </li>
        ))}
      </ul>
      {c.examples.length ? (
        <ul className="vd-signals__examples">
          {c.examples.map((e) => (
            <li key={e.id}>
              <q>{shorten(e.text)}</q>
            </li>
          ))}
        </ul>
      ) : null}
      {c.status === 'dismissed' && c.dismissReason ? (
        <Paragraph>{t('signals.dismissedBecause', { reason: c.dismissReason })}</Paragraph>
      ) : null}
      {c.improvementId ? (
        <Paragraph>
          <Link className="utrecht-link" to={`/excellence/improvements/${c.improvementId}`}>
            {t('signals.toImprovement')}
          </Link>
        </Paragraph>
      ) : null}
      <div>
        <Button
          appearance="secondary-action-button"
          aria-expanded={props.open}
          aria-controls={props.open ? panelId : undefined}
          onClick={props.onToggle}
        >
          {props.open ? t('signals.hide') : t('signals.show')}
          <span className="vd-visually-hidden">: {name(c)}</span>
        </Button>
      </div>
      {props.open ? (
        <div id={panelId} className="vd-stack">
          <ClusterDetail id={c.id} others={props.others} onDone={props.onDone} />
        </div>
      ) : null}
    </li>
  );
}

const shorten = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function ClusterDetail(props: { id: string; others: SignalCluster[]; onDone: Done }) {
  const { t } = useTranslation();
  const detail = useCluster(props.id);
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Paragraph>{t('signals.loading')}</Paragraph>;
  const c = detail.data;
  return (
    <>
      {c.status === 'open' ? <ClusterActions cluster={c} onDone={props.onDone} /> : null}
      <Heading level={4}>{t('signals.signalsOf', { count: c.signals.length })}</Heading>
      <ul className="vd-signals__list">
        {c.signals.map((s) => (
          <SignalItem key={s.id} signal={s} others={props.others} open={c.status === 'open'} />
        ))}
      </ul>
    </>
  );
}

/** What one cluster can become: an improvement proposal, or dismissed with a reason. */
function ClusterActions(props: { cluster: SignalCluster; onDone: Done }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<'dismiss' | 'propose' | null>(null);
  const c = props.cluster;
  return (
    <div className="vd-stack">
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          aria-expanded={action === 'propose'}
          onClick={() => setAction(action === 'propose' ? null : 'propose')}
        >
          {t('signals.propose')}
        </Button>
        <Button
          appearance="secondary-action-button"
          aria-expanded={action === 'dismiss'}
          onClick={() => setAction(action === 'dismiss' ? null : 'dismiss')}
        >
          {t('signals.dismissCluster')}
        </Button>
      </ButtonGroup>
      {action === 'propose' ? (
        <ProposeForm
          cluster={c}
          onDone={(improvementId) => props.onDone(t('signals.proposed'), improvementId)}
        />
      ) : null}
      {action === 'dismiss' ? (
        <DismissForm
          idPrefix={`dismiss-cluster-${c.id}`}
          kind="cluster"
          id={c.id}
          version={c.version}
          onDone={() => props.onDone(t('signals.clusterDismissed'))}
        />
      ) : null}
    </div>
  );
}

function DismissForm(props: {
  idPrefix: string;
  kind: 'cluster' | 'signal';
  id: string;
  version: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const cluster = useDismissCluster();
  const signal = useDismissSignal();
  const mutation = props.kind === 'cluster' ? cluster : signal;
  const form = useForm(
    { reason: '' },
    { reason: { id: `${props.idPrefix}-reason`, label: t('signals.reasonLabel') } },
  );
  const onSubmit = form.submit(() => {
    const data = form.validate(
      signalDismissBodySchema.safeParse({ reason: form.values.reason, version: props.version }),
    );
    // mutateAsync, not mutate's callbacks: the group leaves the list once the lists are read again, and a
    // component that has gone never hears mutate's onSuccess (so the page would not say what happened).
    if (data)
      mutation.mutateAsync({ id: props.id, ...data }).then(
        () => props.onDone(),
        (error: unknown) => form.onError(error),
      );
  });
  return (
    <form className="vd-form" onSubmit={onSubmit} noValidate>
      <FormErrorAlert form={form} error={mutation.error} />
      <TextField {...form.field('reason')} maxLength={SIGNAL_LIMITS.reasonMax} required />
      <div>
        <SubmitButton busy={mutation.isPending}>
          {props.kind === 'cluster' ? t('signals.dismissClusterConfirm') : t('signals.dismissSignalConfirm')}
        </SubmitButton>
      </div>
    </form>
  );
}

function SignalItem(props: { signal: Signal; others: SignalCluster[]; open: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = useClusterName();
  const s = props.signal;
  const [action, setAction] = useState<'move' | 'dismiss' | null>(null);
  const move = useMoveSignal();
  const [target, setTarget] = useState('');
  const facts: ReactNode[] = [
    t(`signals.kinds.${s.kind}`),
    f.date(s.occurredAt),
    s.grade !== null ? t('signals.grade', { grade: s.grade }) : null,
    s.breachReason ? t('signals.reason', { reason: s.breachReason }) : null,
    s.kpiCode ? t('signals.kpi', { code: s.kpiCode }) : null,
    s.item?.name ?? null,
    s.team?.name ?? null,
    s.weight > 1 ? t('signals.upheld') : null,
  ].filter(Boolean);
  return (
    <li className="vd-stack vd-signals__signal">
      <p className="utrecht-paragraph vd-muted">
        {facts.join(' · ')}
        {s.caseId && s.caseReference ? (
          <>
            {' · '}
            <Link className="utrecht-link" to={`/cases/${s.caseId}`}>
              {s.caseReference}
            </Link>
          </>
        ) : null}
        {s.page ? ` · ${t('signals.page', { page: s.page })}` : ''}
      </p>
      {s.text ? (
        <blockquote className="vd-signals__text">
          <p className="utrecht-paragraph">{s.text}</p>
        </blockquote>
      ) : null}
      {s.status === 'dismissed' && s.dismissReason ? (
        <Paragraph>{t('signals.dismissedBecause', { reason: s.dismissReason })}</Paragraph>
      ) : null}
      {props.open && s.status === 'open' ? (
        <>
          <ButtonGroup>
            <Button
              appearance="subtle-button"
              aria-expanded={action === 'move'}
              onClick={() => setAction(action === 'move' ? null : 'move')}
            >
              {t('signals.move')}
            </Button>
            <Button
              appearance="subtle-button"
              aria-expanded={action === 'dismiss'}
              onClick={() => setAction(action === 'dismiss' ? null : 'dismiss')}
            >
              {t('signals.dismissSignal')}
            </Button>
          </ButtonGroup>
          {action === 'move' ? (
            <form
              className="vd-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                move.mutate({ id: s.id, clusterId: target || null, version: s.version });
              }}
            >
              {move.error ? <ErrorAlert error={move.error} /> : null}
              <SelectField
                id={`move-${s.id}`}
                label={t('signals.moveTo')}
                value={target}
                onChange={(event) => setTarget(event.target.value)}
                options={[
                  { value: '', label: t('signals.splitOut') },
                  ...props.others.map((o) => ({
                    value: o.id,
                    label: `${name(o)} (${t('signals.count', { count: o.count })})`,
                  })),
                ]}
              />
              <div>
                <SubmitButton busy={move.isPending}>{t('signals.moveConfirm')}</SubmitButton>
              </div>
            </form>
          ) : null}
          {action === 'dismiss' ? (
            <DismissForm
              idPrefix={`dismiss-${s.id}`}
              kind="signal"
              id={s.id}
              version={s.version}
              onDone={() => setAction(null)}
            />
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/** The proposal: title, problem, expected effect, owner, quick win and the KPI it should move. */
function ProposeForm(props: { cluster: SignalCluster; onDone: (improvementId: string) => void }) {
  const { t, i18n } = useTranslation();
  const name = useClusterName();
  const c = props.cluster;
  const owners = useOwners(true);
  const propose = useProposeCluster();
  const [quickWin, setQuickWin] = useState(false);
  const p = `propose-${c.id}`;
  const form = useForm(
    {
      title: name(c).slice(0, 200),
      problem: c.examples
        .map((e) => e.text)
        .join('\n')
        .slice(0, 4000),
      expectedEffect: '',
      ownerId: '',
      kpi: '',
    },
    {
      title: { id: `${p}-title`, label: t('signals.proposal.title') },
      problem: { id: `${p}-problem`, label: t('signals.proposal.problem') },
      expectedEffect: { id: `${p}-effect`, label: t('signals.proposal.expectedEffect') },
      ownerId: { id: `${p}-owner`, label: t('signals.proposal.owner') },
      kpi: { id: `${p}-kpi`, label: t('signals.proposal.kpi') },
    },
  );
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const onSubmit = form.submit(() => {
    const v = form.values;
    const data = form.validate(
      signalProposeBodySchema.safeParse({
        title: v.title,
        problem: v.problem,
        ...(v.expectedEffect.trim() ? { expectedEffect: v.expectedEffect } : {}),
        ownerId: v.ownerId,
        quickWin,
        ...(v.kpi ? { kpiCodes: [v.kpi] } : {}),
        version: c.version,
      }),
    );
    // As in DismissForm: the group leaves the open ones before mutate's own callbacks would run.
    if (data)
      propose.mutateAsync({ id: c.id, ...data }).then(
        (r) => props.onDone(r.improvementId),
        (error: unknown) => form.onError(error),
      );
  });
  return (
    <form className="vd-form" onSubmit={onSubmit} noValidate>
      <Paragraph>{t('signals.proposal.intro')}</Paragraph>
      <FormErrorAlert form={form} error={propose.error ?? owners.error} />
      <TextField {...form.field('title')} maxLength={200} required />
      <TextareaField {...form.field('problem')} rows={4} maxLength={4000} required />
      <TextareaField {...form.field('expectedEffect')} rows={3} maxLength={2000} optional />
      <SelectField
        {...form.field('ownerId')}
        required
        emptyOption={t('signals.proposal.choose')}
        options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
      <SelectField
        {...form.field('kpi')}
        optional
        emptyOption={t('signals.proposal.noKpi')}
        options={KPI_CODES.map((code) => ({ value: code, label: KPI_CATALOGUE[code].name[language] }))}
      />
      <CheckboxField
        id={`${p}-quick`}
        label={t('signals.proposal.quickWin')}
        description={t('signals.proposal.quickWinHint')}
        checked={quickWin}
        onChange={(event) => setQuickWin(event.target.checked)}
      />
      <div>
        <SubmitButton busy={propose.isPending}>{t('signals.proposal.submit')}</SubmitButton>
      </div>
    </form>
  );
}
