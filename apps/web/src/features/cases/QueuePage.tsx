import { Button } from '@utrecht/button-react';
import { Checkbox } from '@utrecht/checkbox-react';
import { CASE_PRIORITIES, type CaseSummary, ITEM_KINDS, type User, worksCases } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { hasErrors } from '../../lib/fieldErrors.ts';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useTeams } from '../admin-teams/index.ts';
import { OpenReportsMap } from '../location/index.ts';
import {
  type QueueQuery,
  useAreas,
  useAssignees,
  useAssignFromQueue,
  useCases,
  useClaimFromQueue,
} from './api.ts';
import { CaseBadges, PriorityText } from './CaseBadges.tsx';
import { useCaseFormat } from './format.ts';

const PAGE_SIZE = 50;
const NOTICE_ID = 'queue-notice';
const ASSIGN_TO_ID = 'queue-assign-to';
const FILTER_KEYS = ['status', 'due', 'area', 'priority', 'kind', 'state', 'followUp'] as const;
const DUE = ['overdue', 'today', 'week', 'internal_overdue'] as const;
const STATES = ['open', 'closed', 'all'] as const;
/** The area filter's choice for cases whose district is unknown (the API's `areaUnknown`); no district name. */
const AREA_UNKNOWN = '~unknown';
/** Kinds that become cases (a question is answered, never handed over). */
const CASE_KINDS = ITEM_KINDS.filter((kind) => kind !== 'question');

/** The URL of a view: who and which team, with the other filters kept. */
function viewSearch(view: View, filters: Record<string, string>) {
  const next = new URLSearchParams();
  next.set('assignee', view.assignee);
  next.set('team', view.team);
  for (const key of FILTER_KEYS) if (filters[key]) next.set(key, filters[key]);
  return next.toString();
}

interface View {
  key: string;
  label: string;
  assignee: string;
  team: string;
}

/**
 * The work queue ("Werkvoorraad"): my work, each of my teams' queues and the unassigned cases, filtered by
 * status, due date, area, priority and kind, sorted by due time. Team leads assign in bulk; the back office
 * claims a case with one button. The filters live in the URL, so a view can be shared and reloaded.
 */
export function QueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('queue.title'));
  const me = useCurrentUser();
  const canWork = useCan('workCases');
  const canAssign = useCan('assignCases');
  const canReadAreas = useCan('useCustomers');
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<Map<string, CaseSummary>>(new Map());

  const myTeams = [...new Map(me.memberships.map((m) => [m.teamId, m.teamName])).entries()];
  const views: View[] = [
    ...(canWork ? [{ key: 'mine', label: t('queue.view.mine'), assignee: 'me', team: '' }] : []),
    ...myTeams.map(([id, name]) => ({ key: `team:${id}`, label: name, assignee: '', team: id })),
    { key: 'unassigned', label: t('queue.view.unassigned'), assignee: 'none', team: '' },
    { key: 'all', label: t('queue.view.all'), assignee: '', team: '' },
  ];
  // Without a choice in the URL: my own work for those who handle cases, else the first team's queue.
  const fallback = views[0]!;
  const hasView = params.has('assignee') || params.has('team');
  const assignee = hasView ? (params.get('assignee') ?? '') : fallback.assignee;
  const team = hasView ? (params.get('team') ?? '') : fallback.team;
  const current = views.find((view) => view.assignee === assignee && view.team === team);
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Record<
    (typeof FILTER_KEYS)[number],
    string
  >;

  const { area: areaFilter, ...otherFilters } = filters;
  const query: QueueQuery = {
    ...(assignee ? { assignee } : {}),
    ...(team ? { teamId: team } : {}),
    ...Object.fromEntries(Object.entries(otherFilters).filter(([, value]) => value)),
    ...(areaFilter === AREA_UNKNOWN ? { areaUnknown: 'true' } : areaFilter ? { area: areaFilter } : {}),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  };
  const cases = useCases(query);
  const teams = useTeams();
  const areas = useAreas(canReadAreas);
  const claim = useClaimFromQueue();
  const items = cases.data?.items ?? [];
  const total = cases.data?.total ?? 0;

  const update = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    if (!hasView) {
      next.set('assignee', assignee);
      next.set('team', team);
    }
    for (const [key, value] of Object.entries(change)) next.set(key, value);
    for (const key of [...next.keys()])
      if (!next.get(key) && key !== 'assignee' && key !== 'team') next.delete(key);
    if (!('page' in change)) next.delete('page');
    setParams(next);
    setSelected(new Map());
  };

  const onClaim = (c: CaseSummary) => {
    setNotice(null);
    claim.mutate(c.id, {
      onSuccess: (claimed) => {
        setNotice(t('queue.claimed', { reference: claimed.reference }));
        focusLater(NOTICE_ID);
      },
    });
  };

  const statusOptions = new Map<string, string>();
  for (const c of items) statusOptions.set(c.status.key, c.status.label);
  if (filters.status && !statusOptions.has(filters.status)) statusOptions.set(filters.status, filters.status);
  const areaOptions = new Set<string>([
    ...(areas.data ?? []),
    ...items.flatMap((c) => (c.area ? [c.area] : [])),
  ]);
  if (filters.area && filters.area !== AREA_UNKNOWN) areaOptions.add(filters.area);
  const teamName = (id: string) =>
    teams.data?.find((x) => x.id === id)?.name ?? myTeams.find(([x]) => x === id)?.[1];
  const heading =
    current?.label ?? (team ? (teamName(team) ?? t('queue.view.custom')) : t('queue.view.custom'));

  return (
    <div className="vd-stack vd-stack--loose vd-queue-page">
      <PageIntro title={t('queue.title')} intro={t('queue.intro')} />

      <div className="vd-stack">
        <nav aria-label={t('queue.viewsLabel')} className="vd-views">
          <ul className="vd-views__list">
            {views.map((view) => (
              <li key={view.key}>
                <Link
                  className="vd-views__link"
                  to={`?${viewSearch(view, filters)}`}
                  aria-current={current?.key === view.key ? 'page' : undefined}
                  onClick={() => setSelected(new Map())}
                >
                  {view.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <Section headingId="queue-filters" title={t('queue.filtersTitle')} level={2} panel>
          <div className="vd-filters__grid vd-filters__grid--compact">
            <SelectField
              id="queue-team"
              label={t('queue.filter.team')}
              value={team}
              onChange={(event) => update({ team: event.target.value })}
              emptyOption={t('queue.filter.allTeams')}
              options={(teams.data ?? myTeams.map(([id, name]) => ({ id, name }))).map((x) => ({
                value: x.id,
                label: x.name,
              }))}
            />
            <SelectField
              id="queue-assignee"
              label={t('queue.filter.assignee')}
              value={assignee}
              onChange={(event) => update({ assignee: event.target.value })}
              emptyOption={t('queue.filter.anyone')}
              options={[
                { value: 'me', label: t('queue.filter.me') },
                { value: 'none', label: t('queue.filter.nobody') },
              ]}
            />
            <SelectField
              id="queue-status"
              label={t('queue.filter.status')}
              value={filters.status}
              onChange={(event) => update({ status: event.target.value })}
              emptyOption={t('queue.filter.allStatuses')}
              options={[...statusOptions].map(([value, label]) => ({ value, label }))}
            />
            <SelectField
              id="queue-due"
              label={t('queue.filter.due')}
              value={filters.due}
              onChange={(event) => update({ due: event.target.value })}
              emptyOption={t('queue.filter.anyDue')}
              options={DUE.map((value) => ({ value, label: t(`queue.due.${value}`) }))}
            />
            <SelectField
              id="queue-area"
              label={t('queue.filter.area')}
              value={filters.area}
              onChange={(event) => update({ area: event.target.value })}
              emptyOption={t('queue.filter.allAreas')}
              options={[
                ...[...areaOptions].sort().map((value) => ({ value, label: value })),
                { value: AREA_UNKNOWN, label: t('area.unknownHint') },
              ]}
            />
            <SelectField
              id="queue-priority"
              label={t('queue.filter.priority')}
              value={filters.priority}
              onChange={(event) => update({ priority: event.target.value })}
              emptyOption={t('queue.filter.anyPriority')}
              options={CASE_PRIORITIES.map((value) => ({ value, label: t(`cases.priority.${value}`) }))}
            />
            <SelectField
              id="queue-kind"
              label={t('queue.filter.kind')}
              value={filters.kind}
              onChange={(event) => update({ kind: event.target.value })}
              emptyOption={t('queue.filter.allKinds')}
              options={CASE_KINDS.map((value) => ({ value, label: t(`catalogue.kind.${value}`) }))}
            />
            <SelectField
              id="queue-follow-up"
              label={t('queue.filter.followUp')}
              value={filters.followUp}
              onChange={(event) => update({ followUp: event.target.value })}
              emptyOption={t('queue.filter.anyFollowUp')}
              options={[{ value: 'true', label: t('queue.filter.onlyFollowUp') }]}
            />
            <SelectField
              id="queue-state"
              label={t('queue.filter.state')}
              value={filters.state || 'open'}
              onChange={(event) => update({ state: event.target.value === 'open' ? '' : event.target.value })}
              options={STATES.map((value) => ({ value, label: t(`queue.state.${value}`) }))}
            />
          </div>
        </Section>
      </div>

      <OpenReportsMap teamId={team || undefined} />

      <Section headingId="queue-results" title={heading}>
        {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
        {claim.isError ? <ErrorAlert error={claim.error} /> : null}
        {cases.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {cases.isError ? <ErrorAlert error={cases.error} /> : null}
        {cases.data && items.length === 0 ? <Paragraph role="status">{t('queue.empty')}</Paragraph> : null}
        {canAssign && items.length > 0 ? (
          <BulkAssign
            selected={[...selected.values()]}
            teamId={team}
            onDone={(count) => {
              setSelected(new Map());
              setNotice(t('queue.assigned', { count }));
              focusLater(NOTICE_ID);
            }}
          />
        ) : null}
        {items.length > 0 ? (
          <QueueTable
            items={items}
            total={total}
            offset={page * PAGE_SIZE}
            selectable={canAssign}
            selected={selected}
            onSelect={(c, on) =>
              setSelected((old) => {
                const next = new Map(old);
                if (on) next.set(c.id, c);
                else next.delete(c.id);
                return next;
              })
            }
            onSelectAll={(on) =>
              // Only the cases the API lets this user assign (open ones): another would make the whole batch fail.
              setSelected(
                on ? new Map(items.filter((c) => c.abilities.assign).map((c) => [c.id, c])) : new Map(),
              )
            }
            showTeam={!team}
            meId={me.id}
            claiming={claim.isPending ? claim.variables : null}
            onClaim={onClaim}
          />
        ) : null}
        {total > PAGE_SIZE ? (
          <nav aria-label={t('queue.pages')} className="vd-pager">
            <Paragraph className="vd-muted">
              {t('queue.range', {
                from: page * PAGE_SIZE + 1,
                to: Math.min(total, (page + 1) * PAGE_SIZE),
                total,
              })}
            </Paragraph>
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                disabled={page === 0}
                onClick={() => update({ page: String(page - 1) })}
              >
                {t('queue.previous')}
              </Button>
              <Button
                appearance="secondary-action-button"
                disabled={(page + 1) * PAGE_SIZE >= total}
                onClick={() => update({ page: String(page + 1) })}
              >
                {t('queue.next')}
              </Button>
            </ButtonGroup>
          </nav>
        ) : null}
      </Section>
    </div>
  );
}

interface QueueTableProps {
  items: CaseSummary[];
  total: number;
  offset: number;
  selectable: boolean;
  selected: Map<string, CaseSummary>;
  onSelect: (c: CaseSummary, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  /** The team under the subject; not in a team's own queue. */
  showTeam: boolean;
  meId: string;
  claiming: string | null | undefined;
  onClaim: (c: CaseSummary) => void;
}

function QueueTable({
  items,
  total,
  offset,
  selectable,
  selected,
  onSelect,
  onSelectAll,
  showTeam,
  meId,
  claiming,
  onClaim,
}: QueueTableProps) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const now = new Date();
  const open = items.filter((c) => c.abilities.assign);
  const allSelected = open.length > 0 && open.every((c) => selected.has(c.id));
  return (
    <Table
      caption={
        total > items.length
          ? t('queue.captionRange', { count: total, from: offset + 1, to: offset + items.length })
          : t('queue.caption', { count: total })
      }
      className="vd-queue"
    >
      <TableHeader>
        <TableRow>
          {selectable ? (
            <TableHeaderCell className="vd-queue__select">
              <Checkbox
                id="queue-select-all"
                aria-label={t('queue.selectAll')}
                checked={allSelected}
                disabled={open.length === 0}
                indeterminate={!allSelected && open.some((c) => selected.has(c.id))}
                onChange={(event) => onSelectAll(event.target.checked)}
              />
            </TableHeaderCell>
          ) : null}
          <TableHeaderCell>{t('queue.col.reference')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.col.subject')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.col.status')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.col.area')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.col.priority')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.col.assignee')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.col.due')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((c) => {
          const mine = c.assignee?.id === meId;
          return (
            <TableRow key={c.id} className={selected.has(c.id) ? 'vd-queue__row--selected' : undefined}>
              {selectable ? (
                <TableCell className="vd-queue__select">
                  {c.abilities.assign ? (
                    <Checkbox
                      id={`queue-select-${c.id}`}
                      aria-label={t('queue.select', { reference: c.reference })}
                      checked={selected.has(c.id)}
                      onChange={(event) => onSelect(c, event.target.checked)}
                    />
                  ) : null}
                </TableCell>
              ) : null}
              <TableHeaderCell scope="row">
                <Link className="utrecht-link utrecht-link--html-a vd-nowrap" to={`/cases/${c.id}`}>
                  {c.reference}
                </Link>
                <span className="vd-block vd-muted vd-small">{t(`catalogue.kind.${c.kind}`)}</span>
              </TableHeaderCell>
              <TableCell className="vd-queue__subject">
                {c.subject}
                <span className="vd-block vd-muted vd-small">
                  {[c.customer?.name, showTeam ? c.team?.name : null].filter(Boolean).join(' · ')}
                </span>
              </TableCell>
              <TableCell>
                {c.status.label}
                {c.status.public ? null : (
                  <span className="vd-block vd-muted vd-small">{t('cases.internal')}</span>
                )}
              </TableCell>
              <TableCell>{c.area ?? <span className="vd-muted">{t('area.unknown')}</span>}</TableCell>
              <TableCell>
                <PriorityText priority={c.priority} />
              </TableCell>
              <TableCell>
                {c.assignee ? (
                  mine ? (
                    <strong>{t('queue.you')}</strong>
                  ) : (
                    c.assignee.name
                  )
                ) : (
                  <span className="vd-muted">{t('queue.unassigned')}</span>
                )}
                {c.abilities.claim && !mine ? (
                  <span className="vd-block">
                    <Button
                      appearance="secondary-action-button"
                      className="vd-queue__claim"
                      aria-label={t('queue.claimItem', { reference: c.reference })}
                      busy={claiming === c.id}
                      disabled={Boolean(claiming)}
                      onClick={() => onClaim(c)}
                    >
                      {t('queue.claim')}
                    </Button>
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                <time className="vd-nowrap" dateTime={c.dueAt}>
                  {f.dateTime(c.dueAt)}
                </time>
                <span className="vd-block">
                  <CaseBadges c={c} now={now} />
                </span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * "Toewijzen aan…": give the selected cases to a colleague (or release them). The queue's rows carry no
 * version, so each case is read first and assigned at the version read.
 */
function BulkAssign({
  selected,
  teamId,
  onDone,
}: {
  selected: CaseSummary[];
  teamId: string;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation();
  const users = useAssignees(true);
  const assign = useAssignFromQueue();
  const form = useForm({ assigneeId: '' }, { assigneeId: { id: ASSIGN_TO_ID, label: t('queue.assignTo') } });
  const teams = new Set([teamId, ...selected.map((c) => c.team?.id)].filter(Boolean));
  const candidates = (users.data ?? []).filter((user: User) =>
    worksCases(user.memberships, (id) => teams.size === 0 || teams.has(id)),
  );
  const people = candidates.length ? candidates : (users.data ?? []);

  const onSubmit = form.submit(() => {
    // A new attempt: the last request's problem is no longer shown.
    assign.reset();
    const choice = form.values.assigneeId;
    if (!form.report(choice ? {} : { assigneeId: t('validation.choose') })) {
      focusLater(ASSIGN_TO_ID);
      return;
    }
    assign.mutate(
      { cases: selected, assigneeId: choice === 'nobody' ? null : choice },
      {
        onSuccess: (result) => {
          form.reset();
          onDone(result.updated);
        },
      },
    );
  });

  return (
    <form
      className={selected.length ? 'vd-bulk' : 'vd-bulk vd-bulk--idle'}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="queue-bulk-label"
    >
      <p id="queue-bulk-label" className="vd-bulk__count" aria-live="polite">
        {selected.length ? t('queue.selected', { count: selected.length }) : t('queue.selectHint')}
      </p>
      {selected.length ? (
        <>
          <SelectField {...form.field('assigneeId')} emptyOption={t('common.choose')}>
            <option value="nobody">{t('queue.nobody')}</option>
            {people.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({[...new Set(user.memberships.map((m) => m.teamName))].join(', ')})
              </option>
            ))}
          </SelectField>
          <SubmitButton busy={assign.isPending}>{t('queue.assign')}</SubmitButton>
        </>
      ) : null}
      {assign.error || hasErrors(form.errors) ? (
        <div className="vd-bulk__error">
          <FormErrorAlert form={form} error={assign.error} />
        </div>
      ) : null}
    </form>
  );
}
