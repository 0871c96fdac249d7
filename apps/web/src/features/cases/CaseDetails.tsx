import type { Case } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addressLine } from '../../lib/format.ts';
import { DataList, type DataListItem } from '../../ui/DataList.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useCatalogueFormat, useCatalogueItem } from '../catalogue/index.ts';
import { CaseLocationMap } from '../location/index.ts';
import { PriorityText } from './CaseBadges.tsx';
import { CaseTime } from './CaseTime.tsx';
import { unitLabel } from './ClockForms.tsx';
import { useCaseFormat } from './format.ts';

/** The case itself: who, what, where, the intake answers, and who handles it. */
export function CaseFacts({ current }: { current: Case }) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const cf = useCaseFormat();
  const item = useCatalogueItem(current.item.code);
  const definition = item.data?.published?.definition;
  const label = (key: string) => {
    const field = definition?.intakeFields.find((x) => x.key === key);
    return field ? f.text(field.label) : key;
  };
  const answer = (key: string, value: unknown): string => {
    const field = definition?.intakeFields.find((x) => x.key === key);
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) return value.map((v) => answer(key, v)).join(', ');
    const option = field?.options?.find((o) => o.value === value);
    if (option) return f.text(option.label);
    if (field?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return cf.localDate(value);
    return String(value);
  };
  const location = current.location;
  const where = location?.address
    ? addressLine(location.address)
    : (location?.description ??
      (location?.lat != null && location.lon != null ? `${location.lat}, ${location.lon}` : null));

  const facts: DataListItem[] = [
    { key: 'status', label: t('cases.facts.status'), value: <strong>{current.status.label}</strong> },
    { key: 'team', label: t('cases.facts.team'), value: current.team?.name ?? '—' },
    {
      key: 'assignee',
      label: t('cases.facts.assignee'),
      value: current.assignee?.name ?? <span className="vd-muted">{t('queue.unassigned')}</span>,
    },
    {
      key: 'priority',
      label: t('cases.facts.priority'),
      value: <PriorityText priority={current.priority} />,
    },
    {
      key: 'customer',
      label: t('cases.facts.customer'),
      value: current.customer?.name ?? current.contactEmail ?? (
        <span className="vd-muted">{t('cases.facts.anonymous')}</span>
      ),
    },
    {
      key: 'area',
      label: t('cases.facts.area'),
      value: current.area ?? <span className="vd-muted">{t('area.unknown')}</span>,
    },
  ];
  if (where) facts.push({ key: 'location', label: t('cases.facts.location'), value: where });
  facts.push(
    {
      key: 'item',
      label: t('cases.facts.item'),
      value: definition ? f.text(definition.name) : current.item.code,
    },
    {
      key: 'received',
      label: t('cases.facts.received'),
      value: (
        <>
          <CaseTime iso={current.createdAt} /> ·{' '}
          {t(`catalogue.channel.${current.channel as 'web'}`, current.channel)}
        </>
      ),
    },
  );
  const answers = Object.entries(current.answers).filter(
    ([, value]) => value !== '' && value !== null && value !== undefined,
  );

  return (
    <Section headingId="case-facts" title={t('cases.facts.title')} panel>
      <div className="vd-case__description vd-pre">{current.description}</div>
      <DataList items={facts} />
      <CaseLocationMap location={current.location} reference={current.reference} />
      {answers.length ? (
        <div className="vd-stack vd-stack--tight">
          <h3 className="utrecht-heading-4">{t('cases.facts.answers')}</h3>
          <DataList
            items={answers.map(([key, value]) => ({ key, label: label(key), value: answer(key, value) }))}
          />
        </div>
      ) : null}
    </Section>
  );
}

/** The norm clock: promised date, internal target, legal term, suspension, extension and any breach. */
export function ClockPanel({ current }: { current: Case }) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const { clock } = current;
  const now = new Date();
  const late = !current.closedAt && !clock.suspended && new Date(clock.dueAt) < now;
  const items: DataListItem[] = [
    {
      key: 'due',
      label: t('cases.clock.due'),
      value: (
        <span id="case-due">
          <CaseTime iso={clock.dueAt} long withTime />
          {late ? (
            <>
              {' '}
              <StatusBadge status="warning">{t('cases.badge.overdue')}</StatusBadge>
            </>
          ) : null}
        </span>
      ),
    },
  ];
  if (clock.internalDueAt)
    items.push({
      key: 'internal',
      label: t('cases.clock.internal'),
      value: (
        <>
          <CaseTime iso={clock.internalDueAt} long withTime />
          {clock.internalBreachedAt ? (
            <span className="vd-block vd-small">
              {t('cases.clock.internalBreached', { date: f.dateTime(clock.internalBreachedAt) })}
            </span>
          ) : null}
        </>
      ),
    });
  if (clock.legalDueAt)
    items.push({
      key: 'legal',
      label: t('cases.clock.legal'),
      value: <CaseTime iso={clock.legalDueAt} long />,
    });
  if (current.closedAt)
    items.push({ key: 'closed', label: t('cases.clock.closed'), value: <CaseTime iso={current.closedAt} /> });

  return (
    <Section headingId="case-clock" title={t('cases.clock.title')} panel>
      <DataList items={items} />
      {clock.suspended ? (
        <p className="vd-callout" id="case-suspended">
          <StatusBadge status="neutral">{t('cases.badge.suspended')}</StatusBadge>{' '}
          {t('cases.clock.suspendedSince', {
            date: f.dateTime(clock.suspended.since),
            reason: clock.suspended.reason,
          })}
        </p>
      ) : null}
      {clock.extension ? (
        <Paragraph>
          {t('cases.clock.extended', {
            amount: clock.extension.amount,
            unit: unitLabel(t, clock.extension.unit),
            reason: clock.extension.reason,
            date: f.date(clock.extension.at),
          })}
        </Paragraph>
      ) : null}
      {clock.breachedAt ? (
        <div className="vd-callout vd-callout--warning">
          <StatusBadge status="warning">{t('cases.badge.breached')}</StatusBadge>{' '}
          {t('cases.clock.breachedAt', { date: f.dateTime(clock.breachedAt) })}
          {clock.breach ? (
            <span className="vd-block">
              {t('cases.clock.breachReason', { reason: clock.breach.label })}
              {clock.breach.note ? ` — ${clock.breach.note}` : ''}
            </span>
          ) : null}
        </div>
      ) : null}
      {clock.warnedAt && !clock.breachedAt ? (
        <Paragraph className="vd-muted vd-small">
          {t('cases.clock.warned', { date: f.dateTime(clock.warnedAt) })}
        </Paragraph>
      ) : null}
      {clock.suspensions.length ? (
        <div className="vd-stack vd-stack--tight">
          <h3 className="utrecht-heading-4">{t('cases.clock.suspensions')}</h3>
          <ul className="vd-plain-list vd-compact-list vd-small">
            {clock.suspensions.map((s) => (
              <li key={s.from}>
                {t('cases.clock.suspension', {
                  from: f.dateTime(s.from),
                  to: f.dateTime(s.to),
                  reason: s.reason,
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}

/**
 * The workflow as a progress list: the statuses passed (with when), the current one, and what is still ahead.
 * A status the case may go to next is marked.
 */
export function WorkflowProgress({ current }: { current: Case }) {
  const { t } = useTranslation();
  const passed = new Map<string, string>();
  for (const h of current.history) passed.set(h.status, h.at);
  return (
    <Section headingId="case-workflow" title={t('cases.workflow.title')} panel>
      <ol className="vd-progress">
        {current.workflow.map((status) => {
          const isCurrent = status.key === current.status.key;
          const at = passed.get(status.key);
          const state = isCurrent ? 'current' : at ? 'done' : 'todo';
          return (
            <li
              key={status.key}
              className={`vd-progress__step vd-progress__step--${state}`}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="vd-progress__label">
                {status.label}
                <span className="vd-visually-hidden"> — {t(`cases.workflow.state.${state}`)}</span>
              </span>
              <span className="vd-progress__meta">
                {isCurrent ? <strong>{t('cases.workflow.current')}</strong> : null}
                {at && !isCurrent ? <CaseTime iso={at} /> : null}
                {status.reachable ? <span>{t('cases.workflow.next')}</span> : null}
                {status.public ? null : <span>{t('cases.internal')}</span>}
                {status.final ? <span>{t('cases.workflow.final')}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

/** Related cases: the main case or parent, sub-tasks, merged duplicates, complaints about this case. */
export function LinksPanel({ current }: { current: Case }) {
  const { t } = useTranslation();
  const { links } = current;
  const link = (ref: { id: string; reference: string }) => (
    <Link className="utrecht-link utrecht-link--html-a" to={`/cases/${ref.id}`}>
      {ref.reference}
    </Link>
  );
  const rows: DataListItem[] = [];
  if (links.parent) rows.push({ key: 'parent', label: t('cases.links.parent'), value: link(links.parent) });
  if (links.main) rows.push({ key: 'main', label: t('cases.links.main'), value: link(links.main) });
  if (links.about) rows.push({ key: 'about', label: t('cases.links.about'), value: link(links.about) });
  if (links.children.length)
    rows.push({
      key: 'children',
      label: t('cases.links.children'),
      value: (
        <ul className="vd-plain-list">
          {links.children.map((child) => (
            <li key={child.id}>
              {link(child)} · {child.team?.name} · {child.status.label}
            </li>
          ))}
        </ul>
      ),
    });
  if (links.duplicates.length)
    rows.push({
      key: 'duplicates',
      label: t('cases.links.duplicates'),
      value: (
        <span className="vd-inline-refs">
          {links.duplicates.map((d) => (
            <span key={d.id}>{link(d)}</span>
          ))}
        </span>
      ),
    });
  if (links.complaints.length)
    rows.push({
      key: 'complaints',
      label: t('cases.links.complaints'),
      value: (
        <span className="vd-inline-refs">
          {links.complaints.map((d) => (
            <span key={d.id}>{link(d)}</span>
          ))}
        </span>
      ),
    });
  if (rows.length === 0) return null;
  return (
    <Section headingId="case-links" title={t('cases.links.title')} panel>
      <DataList items={rows} />
    </Section>
  );
}
