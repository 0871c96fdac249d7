import { Button } from '@utrecht/button-react';
import {
  CHANNELS,
  IDEA_LIMITS,
  type IdeaComment,
  type IdeaGroup,
  KPI_CATALOGUE,
  KPI_CODES,
  type KpiCode,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { intlLocale } from '../../i18n/format.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { type IdeaDetail, type IdeaStage, useIdea, useIdeaChange } from './api.ts';

const OPEN: readonly IdeaStage[] = ['idea', 'experiment', 'pilot'];
const NEXT: Partial<Record<IdeaStage, IdeaStage>> = {
  idea: 'experiment',
  experiment: 'pilot',
  pilot: 'rollout',
};
const BACK: Partial<Record<IdeaStage, IdeaStage[]>> = { experiment: ['idea'], pilot: ['idea', 'experiment'] };

/** One idea: its facts, stage moves, the experiment and its measured result, and comments to moderate. */
export function IdeaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const idea = useIdea(id);
  useDocumentTitle(idea.data?.title ?? t('ideas.title'));
  if (idea.isError) return <ErrorAlert error={idea.error} />;
  if (!idea.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const d = idea.data;
  const open = OPEN.includes(d.stage);
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={d.title} intro={t(`ideas.stageIntro.${d.stage}`)}>
        <Paragraph>
          <Link className="utrecht-link" to="/excellence/ideas">
            {t('ideas.backToBoard')}
          </Link>
        </Paragraph>
      </PageIntro>
      <ExcellenceNav />
      <Facts idea={d} />
      {d.abilities.manage && open ? <StageForm idea={d} /> : null}
      <ExperimentSection idea={d} />
      <CommentsSection idea={d} />
      <HistorySection idea={d} />
    </div>
  );
}

function Facts({ idea }: { idea: IdeaDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const change = useIdeaChange(idea.id);
  const publicUrl = `/p/${me.organisation.slug}/ideeen/${idea.id}`;
  return (
    <Section headingId="idea-facts" title={t('ideas.facts')}>
      <DataList
        items={[
          { key: 'stage', label: t('ideas.stageLabel'), value: t(`ideas.stage.${idea.stage}`) },
          { key: 'owner', label: t('ideas.owner'), value: idea.ownerName },
          {
            key: 'proposed',
            label: t('ideas.proposedBy'),
            value: idea.proposedByName ?? t('ideas.aResident'),
          },
          ...(idea.stopReason ? [{ key: 'stop', label: t('ideas.stopReason'), value: idea.stopReason }] : []),
          ...(idea.decision
            ? [
                {
                  key: 'decision',
                  label: t('ideas.decisionLabel'),
                  value: `${t(`ideas.decisions.${idea.decision}`)} — ${idea.decisionNote ?? ''}`,
                },
              ]
            : []),
          {
            key: 'public',
            label: t('ideas.publicLabel'),
            value: idea.published ? (
              <a className="utrecht-link" href={publicUrl}>
                {t('ideas.publicLink')}
              </a>
            ) : (
              t('ideas.notPublic')
            ),
          },
        ]}
      />
      <Paragraph style={{ whiteSpace: 'pre-line' }}>{idea.description}</Paragraph>
      {change.isError ? <ErrorAlert error={change.error} /> : null}
      {idea.abilities.manage && OPEN.includes(idea.stage) ? (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            busy={change.isPending}
            disabled={change.isPending}
            onClick={() =>
              change.mutate({
                method: 'PATCH',
                path: '',
                body: { published: !idea.published, version: idea.version },
              })
            }
          >
            {idea.published ? t('ideas.unpublish') : t('ideas.publish')}
          </Button>
        </ButtonGroup>
      ) : null}
    </Section>
  );
}

const STAGE_ERRORS = 'idea-stage-errors';

function StageForm({ idea }: { idea: IdeaDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const change = useIdeaChange(idea.id);
  const targets = [NEXT[idea.stage], ...(BACK[idea.stage] ?? []), 'stopped' as const].filter(
    (s): s is IdeaStage => !!s,
  );
  const [stage, setStage] = useState<IdeaStage>(targets[0]!);
  const [improvement, setImprovement] = useState(true);
  const [done, setDone] = useState(false);
  const form = useForm(
    { note: '' },
    {
      note: { id: 'idea-stage-note', label: t('ideas.note') },
      stage: { id: 'idea-stage', label: t('ideas.moveTo') },
    },
  );
  const needsNote = stage === 'stopped' || (BACK[idea.stage] ?? []).includes(stage);
  return (
    <Section headingId="idea-stage-heading" title={t('ideas.moveTitle')} panel>
      <Paragraph>{t('ideas.moveIntro')}</Paragraph>
      <FormErrorAlert form={form} error={change.error ?? undefined} id={STAGE_ERRORS} />
      {done ? <Notice id="idea-stage-done">{t('ideas.moved')}</Notice> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setDone(false);
          const note = form.values.note.trim();
          if (
            !form.report(
              needsNote && !note
                ? { note: t(stage === 'stopped' ? 'ideas.reasonRequired' : 'ideas.noteRequired') }
                : {},
            )
          ) {
            focusLater(STAGE_ERRORS);
            return;
          }
          change.mutate(
            {
              method: 'POST',
              path: '/stage',
              body: {
                stage,
                note,
                version: idea.version,
                ...(stage === 'rollout' && improvement ? { improvement: { ownerId: me.id } } : {}),
              },
            },
            {
              onSuccess: () => {
                setDone(true);
                form.reset();
                focusLater('idea-stage-done');
              },
              onError: (error) => {
                form.onError(error);
                focusLater(STAGE_ERRORS);
              },
            },
          );
        })}
      >
        <SelectField
          style={{ maxWidth: '100%' }}
          id="idea-stage"
          label={t('ideas.moveTo')}
          value={stage}
          onChange={(event) => setStage(event.target.value as IdeaStage)}
          options={targets.map((s) => ({ value: s, label: t(`ideas.stage.${s}`) }))}
        />
        <TextareaField
          {...form.field('note')}
          rows={3}
          optional={!needsNote}
          description={stage === 'stopped' ? t('ideas.reasonHint') : undefined}
        />
        {stage === 'rollout' ? (
          <CheckboxField
            id="idea-improvement"
            label={t('ideas.createImprovement')}
            description={t('ideas.createImprovementHint')}
            checked={improvement}
            onChange={(event) => setImprovement(event.target.checked)}
          />
        ) : null}
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={change.isPending}
            disabled={change.isPending}
          >
            {t('ideas.move')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

const EXPERIMENT_ERRORS = 'idea-experiment-errors';

const groupOf = (channel: string, area: string): IdeaGroup => ({
  ...(channel ? { channel } : {}),
  ...(area.trim() ? { area: area.trim() } : {}),
});

function ExperimentSection({ idea }: { idea: IdeaDetail }) {
  const { t, i18n } = useTranslation();
  const e = idea.experiment;
  const mayEdit = idea.abilities.manage && OPEN.includes(idea.stage);
  const change = useIdeaChange(idea.id);
  const measure = useIdeaChange(idea.id);
  const decide = useIdeaChange(idea.id);
  const l = i18n.language === 'en' ? 'en' : 'nl';
  const form = useForm(
    {
      hypothesis: e?.hypothesis ?? '',
      kpi: e?.kpi ?? 'fcr',
      from: e?.from ?? '',
      to: e?.to ?? '',
      testChannel: e?.testGroup.channel ?? '',
      testArea: e?.testGroup.area ?? '',
      comparisonChannel: e?.comparisonGroup.channel ?? '',
      comparisonArea: e?.comparisonGroup.area ?? '',
      comparisonFrom: e?.comparisonGroup.from ?? '',
      comparisonTo: e?.comparisonGroup.to ?? '',
      decisionRule: e?.decisionRule ?? '',
    },
    {
      hypothesis: { id: 'exp-hypothesis', label: t('ideas.exp.hypothesis') },
      kpi: { id: 'exp-kpi', label: t('ideas.exp.kpi') },
      from: { id: 'exp-from', label: t('ideas.exp.from') },
      to: { id: 'exp-to', label: t('ideas.exp.to') },
      testChannel: { id: 'exp-test-channel', label: t('ideas.exp.testChannel') },
      testArea: { id: 'exp-test-area', label: t('ideas.exp.testArea') },
      comparisonChannel: { id: 'exp-cmp-channel', label: t('ideas.exp.comparisonChannel') },
      comparisonArea: { id: 'exp-cmp-area', label: t('ideas.exp.comparisonArea') },
      comparisonFrom: { id: 'exp-cmp-from', label: t('ideas.exp.comparisonFrom') },
      comparisonTo: { id: 'exp-cmp-to', label: t('ideas.exp.comparisonTo') },
      decisionRule: { id: 'exp-rule', label: t('ideas.exp.decisionRule') },
      comparisonGroup: { id: 'exp-cmp-channel', label: t('ideas.exp.comparisonGroup') },
      testGroup: { id: 'exp-test-channel', label: t('ideas.exp.testGroup') },
      'comparisonGroup.from': { id: 'exp-cmp-from', label: t('ideas.exp.comparisonFrom') },
      'comparisonGroup.to': { id: 'exp-cmp-to', label: t('ideas.exp.comparisonTo') },
    },
  );
  const channelOptions = [
    { value: '', label: t('ideas.exp.allChannels') },
    ...CHANNELS.map((c) => ({ value: c, label: t(`catalogue.channel.${c}`) })),
  ];
  return (
    <Section headingId="idea-experiment-heading" title={t('ideas.exp.title')}>
      <Paragraph>{t('ideas.exp.intro')}</Paragraph>
      {e?.result ? <ResultTable idea={idea} /> : null}
      {e && !e.result ? <Paragraph>{t('ideas.exp.notMeasured')}</Paragraph> : null}
      {measure.isError ? <ErrorAlert error={measure.error} id="idea-measure-errors" /> : null}
      {mayEdit && e ? (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            busy={measure.isPending}
            disabled={measure.isPending}
            onClick={() =>
              measure.mutate(
                { method: 'POST', path: '/measure', body: { version: idea.version } },
                { onError: () => focusLater('idea-measure-errors') },
              )
            }
          >
            {t('ideas.exp.measure')}
          </Button>
        </ButtonGroup>
      ) : null}
      {mayEdit && e?.result && !idea.decision ? <DecisionForm idea={idea} change={decide} /> : null}
      {mayEdit ? (
        <Section headingId="idea-design-heading" title={t('ideas.exp.designTitle')} level={3} panel>
          <FormErrorAlert form={form} error={change.error ?? undefined} id={EXPERIMENT_ERRORS} />
          <form
            className="vd-form"
            noValidate
            onSubmit={form.submit(() => {
              const v = form.values;
              const errors: Record<string, string> = {};
              for (const k of ['hypothesis', 'from', 'to', 'decisionRule'] as const)
                if (!v[k].trim()) errors[k] = t('validation.required');
              if (!form.report(errors)) {
                focusLater(EXPERIMENT_ERRORS);
                return;
              }
              change.mutate(
                {
                  method: 'PUT',
                  path: '/experiment',
                  body: {
                    hypothesis: v.hypothesis.trim(),
                    kpi: v.kpi,
                    from: v.from,
                    to: v.to,
                    testGroup: groupOf(v.testChannel, v.testArea),
                    comparisonGroup: {
                      ...groupOf(v.comparisonChannel, v.comparisonArea),
                      ...(v.comparisonFrom ? { from: v.comparisonFrom } : {}),
                      ...(v.comparisonTo ? { to: v.comparisonTo } : {}),
                    },
                    decisionRule: v.decisionRule.trim(),
                    version: idea.version,
                  },
                },
                {
                  onError: (error) => {
                    form.onError(error);
                    focusLater(EXPERIMENT_ERRORS);
                  },
                },
              );
            })}
          >
            <TextareaField
              {...form.field('hypothesis')}
              rows={2}
              description={t('ideas.exp.hypothesisHint')}
            />
            <SelectField
              style={{ maxWidth: '100%' }}
              {...form.field('kpi')}
              options={KPI_CODES.map((c) => ({ value: c, label: KPI_CATALOGUE[c as KpiCode].name[l] }))}
            />
            <div className="vd-filters__grid">
              <TextField {...form.field('from')} type="date" />
              <TextField {...form.field('to')} type="date" />
            </div>
            <fieldset className="vd-fieldset" style={{ minInlineSize: 0 }}>
              <legend>{t('ideas.exp.testGroup')}</legend>
              <div className="vd-stack">
                <SelectField {...form.field('testChannel')} options={channelOptions} />
                <TextField {...form.field('testArea')} optional description={t('ideas.exp.areaHint')} />
              </div>
            </fieldset>
            <fieldset className="vd-fieldset" style={{ minInlineSize: 0 }}>
              <legend>{t('ideas.exp.comparisonGroup')}</legend>
              <Paragraph>{t('ideas.exp.comparisonHint')}</Paragraph>
              <div className="vd-stack">
                <SelectField {...form.field('comparisonChannel')} options={channelOptions} />
                <TextField {...form.field('comparisonArea')} optional />
                <TextField {...form.field('comparisonFrom')} type="date" optional />
                <TextField {...form.field('comparisonTo')} type="date" optional />
              </div>
            </fieldset>
            <TextareaField
              {...form.field('decisionRule')}
              rows={2}
              description={t('ideas.exp.decisionRuleHint')}
            />
            <ButtonGroup>
              <Button
                type="submit"
                appearance="primary-action-button"
                busy={change.isPending}
                disabled={change.isPending}
              >
                {t('ideas.exp.save')}
              </Button>
            </ButtonGroup>
          </form>
        </Section>
      ) : null}
    </Section>
  );
}

function ResultTable({ idea }: { idea: IdeaDetail }) {
  const { t, i18n } = useTranslation();
  const e = idea.experiment!;
  const r = e.result!;
  const locale = intlLocale(i18n.language);
  const l = i18n.language === 'en' ? 'en' : 'nl';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const period = (p: { from: string; to: string }) =>
    `${day.format(new Date(`${p.from}T12:00:00`))} – ${day.format(new Date(`${p.to}T12:00:00`))}`;
  const value = (v: number | null) => (v === null ? '—' : number.format(v));
  const group = (g: IdeaGroup) =>
    [g.channel ? t(`catalogue.channel.${g.channel as 'web'}`) : null, g.area].filter(Boolean).join(', ') ||
    t('ideas.exp.everyone');
  return (
    <>
      <Table caption={t('ideas.exp.resultCaption', { kpi: KPI_CATALOGUE[r.code].name[l] })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('ideas.exp.group')}</TableHeaderCell>
            <TableHeaderCell>{t('ideas.exp.period')}</TableHeaderCell>
            <TableHeaderCell>{t('ideas.exp.value')}</TableHeaderCell>
            <TableHeaderCell>{t('ideas.exp.n')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">
              {t('ideas.exp.testGroup')}: {group(e.testGroup)}
            </TableHeaderCell>
            <TableCell>{period(r.b)}</TableCell>
            <TableCell>
              <strong>{value(r.b.value)}</strong>
            </TableCell>
            <TableCell>{r.b.n}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">
              {t('ideas.exp.comparisonGroup')}: {group(e.comparisonGroup)}
            </TableHeaderCell>
            <TableCell>{period(r.a)}</TableCell>
            <TableCell>{value(r.a.value)}</TableCell>
            <TableCell>{r.a.n}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <DataList
        items={[
          { key: 'difference', label: t('ideas.exp.difference'), value: value(r.difference) },
          {
            key: 'better',
            label: t('ideas.exp.better'),
            value: r.better === null ? '—' : r.better ? t('ideas.exp.yes') : t('ideas.exp.no'),
          },
          {
            key: 'significant',
            label: t('ideas.exp.significant'),
            value:
              r.significant === null
                ? t('ideas.exp.noTest')
                : `${r.significant ? t('ideas.exp.yes') : t('ideas.exp.no')} (p = ${value(r.pValue)})`,
          },
          { key: 'rule', label: t('ideas.exp.decisionRule'), value: e.decisionRule },
        ]}
      />
      <Paragraph>{r.explanation[l]}</Paragraph>
    </>
  );
}

const DECISION_ERRORS = 'idea-decision-errors';

function DecisionForm({ idea, change }: { idea: IdeaDetail; change: ReturnType<typeof useIdeaChange> }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'rollout' | 'stop'>('rollout');
  const form = useForm(
    { note: '' },
    {
      note: { id: 'idea-decision-note', label: t('ideas.decisionNote') },
      decision: { id: 'idea-decision', label: t('ideas.decisionLabel') },
    },
  );
  return (
    <Section headingId="idea-decision-heading" title={t('ideas.decisionTitle')} level={3} panel>
      <FormErrorAlert form={form} error={change.error ?? undefined} id={DECISION_ERRORS} />
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          const note = form.values.note.trim();
          if (!form.report(note ? {} : { note: t('validation.required') })) {
            focusLater(DECISION_ERRORS);
            return;
          }
          change.mutate(
            { method: 'POST', path: '/decision', body: { decision, note, version: idea.version } },
            {
              onError: (error) => {
                form.onError(error);
                focusLater(DECISION_ERRORS);
              },
            },
          );
        })}
      >
        <SelectField
          style={{ maxWidth: '100%' }}
          id="idea-decision"
          label={t('ideas.decisionLabel')}
          value={decision}
          onChange={(event) => setDecision(event.target.value as 'rollout' | 'stop')}
          options={(['rollout', 'stop'] as const).map((d) => ({
            value: d,
            label: t(`ideas.decisions.${d}`),
          }))}
        />
        <TextareaField {...form.field('note')} rows={2} />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={change.isPending}
            disabled={change.isPending}
          >
            {t('ideas.decide')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

function CommentsSection({ idea }: { idea: IdeaDetail }) {
  const { t } = useTranslation();
  const pending = idea.comments.filter((c) => c.status === 'pending');
  const others = idea.comments.filter((c) => c.status !== 'pending');
  return (
    <Section headingId="idea-comments-heading" title={t('ideas.commentsTitle')}>
      {idea.comments.length === 0 ? <Paragraph>{t('ideas.noComments')}</Paragraph> : null}
      {idea.abilities.moderate && pending.length > 0 ? (
        <Section
          headingId="idea-pending-heading"
          title={t('ideas.toModerate', { count: pending.length })}
          level={3}
        >
          {pending.map((c) => (
            <ModerateComment key={c.id} idea={idea} comment={c} />
          ))}
        </Section>
      ) : null}
      {others.length > 0 ? (
        <ul className="vd-stack" style={{ listStyle: 'none', padding: 0 }}>
          {others.map((c) => (
            <li key={c.id} className="vd-panel">
              <Paragraph style={{ whiteSpace: 'pre-line' }}>{c.body}</Paragraph>
              <Paragraph className="vd-muted">
                {c.displayName || t('ideas.aResident')} · {t(`ideas.commentStatus.${c.status}`)}
                {c.rejectReason ? ` — ${c.rejectReason}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function ModerateComment({ idea, comment }: { idea: IdeaDetail; comment: IdeaComment }) {
  const { t } = useTranslation();
  const change = useIdeaChange(idea.id);
  const reasonId = `reject-reason-${comment.id}`;
  const form = useForm({ reason: '' }, { reason: { id: reasonId, label: t('ideas.rejectReason') } });
  const reason = form.values.reason;
  return (
    <div className="vd-panel vd-stack">
      <Paragraph style={{ whiteSpace: 'pre-line' }}>{comment.body}</Paragraph>
      <Paragraph className="vd-muted">{comment.displayName || t('ideas.aResident')}</Paragraph>
      {change.isError ? <ErrorAlert error={change.error} /> : null}
      <TextField
        id={reasonId}
        label={t('ideas.rejectReason')}
        optional
        value={reason}
        error={form.errors.reason}
        maxLength={IDEA_LIMITS.noteMax}
        onChange={form.field('reason').onChange}
      />
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          disabled={change.isPending}
          onClick={() =>
            change.mutate({
              method: 'POST',
              path: `/comments/${comment.id}/moderate`,
              body: { approve: true },
            })
          }
        >
          {t('ideas.approve')}
        </Button>
        <Button
          appearance="secondary-action-button"
          disabled={change.isPending}
          onClick={() => {
            if (!form.report(reason.trim() ? {} : { reason: t('ideas.rejectReasonRequired') })) {
              focusLater(reasonId);
              return;
            }
            change.mutate({
              method: 'POST',
              path: `/comments/${comment.id}/moderate`,
              body: { approve: false, reason: reason.trim() },
            });
          }}
        >
          {t('ideas.reject')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function HistorySection({ idea }: { idea: IdeaDetail }) {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return (
    <Section headingId="idea-history-heading" title={t('ideas.historyTitle')}>
      <Table caption={t('ideas.historyCaption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('ideas.date')}</TableHeaderCell>
            <TableHeaderCell>{t('ideas.stageLabel')}</TableHeaderCell>
            <TableHeaderCell>{t('ideas.note')}</TableHeaderCell>
            <TableHeaderCell>{t('ideas.by')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {idea.moves.map((m) => (
            <TableRow key={`${m.movedAt}-${m.toStage}`}>
              <TableCell>{day.format(new Date(m.movedAt))}</TableCell>
              <TableCell>
                {m.fromStage ? `${t(`ideas.stage.${m.fromStage}`)} → ` : ''}
                {t(`ideas.stage.${m.toStage}`)}
              </TableCell>
              <TableCell>{m.note || '—'}</TableCell>
              <TableCell>{m.movedBy}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
