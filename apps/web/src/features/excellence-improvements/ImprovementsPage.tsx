import {
  IMPROVEMENT_ORIGINS,
  IMPROVEMENT_STATUSES,
  type ImprovementListQuery,
  type ImprovementSummary,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useImprovements, useTeams } from './api.ts';
import { ImprovementForm } from './ImprovementForm.tsx';
import './improvements.css';

const AGES = ['under30', 'from30to90', 'over90'] as const;
/** The board's columns: the PDCA statuses (stopped ones are filtered, not shown as a lane). */
const LANES = IMPROVEMENT_STATUSES.filter((s) => s !== 'stopped');

/** The board: proposals by PDCA status, quick wins in their own lane; filters by team, element, origin, age. */
export function ImprovementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('improvements.title'));
  const navigate = useNavigate();
  const mayManage = useCan('manageImprovements');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filter: ImprovementListQuery = {
    teamId: params.get('team') || undefined,
    elementCode: params.get('element') || undefined,
    origin: (params.get('origin') || undefined) as ImprovementListQuery['origin'],
    age: (params.get('age') || undefined) as ImprovementListQuery['age'],
  };
  const list = useImprovements(filter);
  const teams = useTeams();
  const teamName = new Map((teams.data ?? []).map((x) => [x.id, x.name]));
  const set = (name: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(name, value);
        else p.delete(name);
        return p;
      },
      { replace: true },
    );
  const items = list.data ?? [];
  const quick = items.filter((i) => i.quickWin && i.status !== 'done' && i.status !== 'stopped');
  const rest = items.filter((i) => !quick.includes(i));

  const card = (i: ImprovementSummary) => (
    <li key={i.id} className="vd-improvement-card">
      <Link className="utrecht-link" to={`/excellence/improvements/${i.id}`}>
        {i.title}
      </Link>
      <span className="vd-muted">
        {i.ownerName}
        {i.teamId && teamName.get(i.teamId) ? ` · ${teamName.get(i.teamId)}` : ''}
        {i.elementCode ? ` · ${i.elementCode}` : ''}
      </span>
      <span className="vd-muted">
        {t(`improvements.origin.${i.origin}`)}
        {i.status !== 'done' && i.status !== 'stopped'
          ? ` · ${t('improvements.openDays', { count: i.ageDays })}`
          : ''}
      </span>
      {i.quickWin ? <StatusBadge status="neutral">{t('improvements.quickWin')}</StatusBadge> : null}
    </li>
  );

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('improvements.title')} intro={t('improvements.intro')} />
      <ExcellenceNav />
      {mayManage ? (
        creating ? (
          <Section headingId="improvement-create" title={t('improvements.createTitle')} panel>
            <ImprovementForm onDone={(saved) => navigate(`/excellence/improvements/${saved.id}`)} />
          </Section>
        ) : (
          <div>
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              onClick={() => setCreating(true)}
            >
              {t('improvements.create')}
            </button>
          </div>
        )
      ) : null}
      <Section headingId="improvement-filters" title={t('improvements.filters')} level={2}>
        <div className="vd-improvement-filters">
          <SelectField
            id="filter-team"
            label={t('improvements.team')}
            value={filter.teamId ?? ''}
            onChange={(e) => set('team', e.target.value)}
            emptyOption={t('improvements.all')}
            options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
          <TextField
            id="filter-element"
            label={t('improvements.element')}
            value={filter.elementCode ?? ''}
            onChange={(e) => set('element', e.target.value.trim())}
            autoComplete="off"
          />
          <SelectField
            id="filter-origin"
            label={t('improvements.originLabel')}
            value={filter.origin ?? ''}
            onChange={(e) => set('origin', e.target.value)}
            emptyOption={t('improvements.all')}
            options={IMPROVEMENT_ORIGINS.map((o) => ({ value: o, label: t(`improvements.origin.${o}`) }))}
          />
          <SelectField
            id="filter-age"
            label={t('improvements.ageLabel')}
            value={filter.age ?? ''}
            onChange={(e) => set('age', e.target.value)}
            emptyOption={t('improvements.all')}
            options={AGES.map((a) => ({ value: a, label: t(`improvements.age.${a}`) }))}
          />
        </div>
      </Section>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {list.data ? (
        <>
          <Paragraph role="status">{t('improvements.count', { count: items.length })}</Paragraph>
          <Section headingId="lane-quick" title={t('improvements.quickWins')}>
            {quick.length ? (
              <ul className="vd-improvement-lane">{quick.map(card)}</ul>
            ) : (
              <Paragraph>{t('improvements.empty')}</Paragraph>
            )}
          </Section>
          <div className="vd-improvement-board">
            {LANES.map((status) => {
              const inLane = rest.filter((i) => i.status === status);
              return (
                <Section key={status} headingId={`lane-${status}`} title={t(`improvements.status.${status}`)}>
                  {inLane.length ? (
                    <ul className="vd-improvement-lane">{inLane.map(card)}</ul>
                  ) : (
                    <Paragraph>{t('improvements.empty')}</Paragraph>
                  )}
                </Section>
              );
            })}
          </div>
          {rest.some((i) => i.status === 'stopped') ? (
            <Section headingId="lane-stopped" title={t('improvements.status.stopped')}>
              <ul className="vd-improvement-lane">{rest.filter((i) => i.status === 'stopped').map(card)}</ul>
            </Section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
