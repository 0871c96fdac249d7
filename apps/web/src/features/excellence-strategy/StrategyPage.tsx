import { Button } from '@utrecht/button-react';
import {
  KPI_CATALOGUE,
  KPI_CODES,
  type KpiCode,
  type Objective,
  type User,
  type Vision,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { Select } from '../../ui/Select.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import {
  useAddAction,
  useAddTarget,
  useAdoptVision,
  useCreateObjective,
  useObjectives,
  useOwners,
  useSetActionStatus,
  useTeams,
  useVision,
} from './api.ts';
import { today, useStrategyFormat } from './format.ts';
import './strategy.css';

/** Vision, mission and values (element 1), and the objectives with their KPI targets and actions (element 2). */
export function StrategyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('strategy.title'));
  const mayManage = useCan('manageStrategy');
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('strategy.title')} intro={t('strategy.intro')} />
      <ExcellenceNav />
      <Paragraph>
        <Link to="/excellence/strategy/review">{t('strategy.toReview')}</Link>
      </Paragraph>
      <VisionSection mayManage={mayManage} />
      <ObjectivesSection mayManage={mayManage} />
    </div>
  );
}

function VisionView({ vision, level }: { vision: Vision; level: 3 | 4 }) {
  const { t } = useTranslation();
  const f = useStrategyFormat();
  return (
    <div className="vd-stack">
      <DataList
        items={[
          { key: 'vision', label: t('strategy.vision.vision'), value: vision.vision },
          { key: 'mission', label: t('strategy.vision.mission'), value: vision.mission },
          {
            key: 'stakeholders',
            label: t('strategy.vision.stakeholders'),
            value: vision.stakeholders.length ? vision.stakeholders.join(', ') : '—',
          },
          { key: 'adopted', label: t('strategy.vision.adoptedOn'), value: f.day(vision.adoptedOn) },
          {
            key: 'review',
            label: t('strategy.vision.nextReviewOn'),
            value: (
              <>
                {f.day(vision.nextReviewOn)}{' '}
                {vision.reviewOverdue ? (
                  <StatusBadge status="warning">{t('strategy.vision.overdue')}</StatusBadge>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Heading level={level}>{t('strategy.vision.values')}</Heading>
      <ul className="utrecht-unordered-list">
        {vision.values.map((v) => (
          <li key={v.name} className="utrecht-unordered-list__item">
            <strong>{v.name}</strong>
            {v.description ? ` — ${v.description}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function VisionSection({ mayManage }: { mayManage: boolean }) {
  const { t } = useTranslation();
  const vision = useVision();
  const [editing, setEditing] = useState(false);
  const current = vision.data?.current;
  return (
    <Section
      headingId="vision-heading"
      title={
        current ? t('strategy.vision.titleVersion', { version: current.version }) : t('strategy.vision.title')
      }
    >
      {vision.isError ? <ErrorAlert error={vision.error} /> : null}
      {vision.data && !current ? <Paragraph>{t('strategy.vision.none')}</Paragraph> : null}
      {current ? <VisionView vision={current} level={3} /> : null}
      {vision.data?.earlier.length ? (
        <details className="vd-strategy-earlier">
          <summary>{t('strategy.vision.earlier', { count: vision.data.earlier.length })}</summary>
          {vision.data.earlier.map((v) => (
            <section key={v.id} aria-labelledby={`vision-${v.id}`} className="vd-stack">
              <Heading level={3} id={`vision-${v.id}`}>
                {t('strategy.vision.version', { version: v.version })}
              </Heading>
              <VisionView vision={v} level={4} />
            </section>
          ))}
        </details>
      ) : null}
      {mayManage && !editing ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>
            {current ? t('strategy.vision.newVersion') : t('strategy.vision.first')}
          </Button>
        </ButtonGroup>
      ) : null}
      {mayManage && editing ? (
        <VisionForm current={current ?? null} onDone={() => setEditing(false)} />
      ) : null}
    </Section>
  );
}

const VISION_ERRORS = 'vision-errors';

function VisionForm({ current, onDone }: { current: Vision | null; onDone: () => void }) {
  const { t } = useTranslation();
  const adopt = useAdoptVision();
  const form = useForm(
    {
      vision: current?.vision ?? '',
      mission: current?.mission ?? '',
      values:
        current?.values.map((v) => (v.description ? `${v.name}: ${v.description}` : v.name)).join('\n') ?? '',
      stakeholders: current?.stakeholders.join(', ') ?? '',
      adoptedOn: today(),
      nextReviewOn: '',
    },
    {
      vision: { id: 'vision-vision', label: t('strategy.vision.vision') },
      mission: { id: 'vision-mission', label: t('strategy.vision.mission') },
      values: { id: 'vision-values', label: t('strategy.vision.values') },
      stakeholders: { id: 'vision-stakeholders', label: t('strategy.vision.stakeholders') },
      adoptedOn: { id: 'vision-adopted', label: t('strategy.vision.adoptedOn') },
      nextReviewOn: { id: 'vision-review', label: t('strategy.vision.nextReviewOn') },
    },
  );
  return (
    <section aria-labelledby="vision-form-heading" className="vd-panel vd-stack">
      <Heading level={3} id="vision-form-heading">
        {current ? t('strategy.vision.newVersion') : t('strategy.vision.first')}
      </Heading>
      <FormErrorAlert form={form} error={adopt.error ?? undefined} id={VISION_ERRORS} />
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          const v = form.values;
          const errors: Record<string, string> = {};
          for (const key of ['vision', 'mission', 'values', 'adoptedOn', 'nextReviewOn'] as const)
            if (!v[key].trim()) errors[key] = t('validation.required');
          if (!errors.nextReviewOn && v.nextReviewOn <= v.adoptedOn)
            errors.nextReviewOn = t('strategy.vision.reviewAfter');
          if (!form.report(errors)) {
            focusLater(VISION_ERRORS);
            return;
          }
          adopt.mutate(
            {
              vision: v.vision.trim(),
              mission: v.mission.trim(),
              values: v.values
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean)
                .map((line) => {
                  const [name, ...rest] = line.split(':');
                  return { name: name!.trim(), description: rest.join(':').trim() };
                }),
              stakeholders: v.stakeholders
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
              adoptedOn: v.adoptedOn,
              nextReviewOn: v.nextReviewOn,
            },
            {
              onSuccess: () => {
                onDone();
                focusLater('vision-heading');
              },
              onError: (error) => {
                form.onError(error);
                focusLater(VISION_ERRORS);
              },
            },
          );
        })}
      >
        <TextareaField {...form.field('vision')} rows={3} />
        <TextareaField {...form.field('mission')} rows={2} />
        <TextareaField {...form.field('values')} rows={4} description={t('strategy.vision.valuesHelp')} />
        <TextField {...form.field('stakeholders')} description={t('strategy.vision.stakeholdersHelp')} />
        <div className="vd-filters__grid">
          <TextField {...form.field('adoptedOn')} type="date" />
          <TextField {...form.field('nextReviewOn')} type="date" />
        </div>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={adopt.isPending}
            disabled={adopt.isPending}
          >
            {t('strategy.vision.adopt')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onDone}>
            {t('strategy.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The objectives as a tree: the top ones first, each followed by those under it. */
function inTreeOrder(objectives: Objective[]) {
  const ids = new Set(objectives.map((o) => o.id));
  const out: { objective: Objective; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const o of objectives.filter((x) =>
      parentId === null ? !x.parentId || !ids.has(x.parentId) : x.parentId === parentId,
    )) {
      out.push({ objective: o, depth });
      visit(o.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

function useOwnerOptions() {
  const me = useCurrentUser();
  const owners = useOwners(useCan('listUsers'));
  const users: Pick<User, 'id' | 'name'>[] = owners.data ?? [{ id: me.id, name: me.name }];
  return users.map((u) => ({ value: u.id, label: u.name }));
}

function ObjectivesSection({ mayManage }: { mayManage: boolean }) {
  const { t } = useTranslation();
  const objectives = useObjectives();
  const tree = inTreeOrder(objectives.data ?? []);
  return (
    <Section headingId="objectives-heading" title={t('strategy.objectives.title')}>
      {objectives.isError ? <ErrorAlert error={objectives.error} /> : null}
      {objectives.data && tree.length === 0 ? <Paragraph>{t('strategy.objectives.none')}</Paragraph> : null}
      {tree.map(({ objective, depth }) => (
        <ObjectiveCard key={objective.id} objective={objective} depth={depth} mayManage={mayManage} />
      ))}
      {mayManage && objectives.data ? <ObjectiveForm objectives={objectives.data} /> : null}
    </Section>
  );
}

function ObjectiveCard({
  objective: o,
  depth,
  mayManage,
}: {
  objective: Objective;
  depth: number;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const f = useStrategyFormat();
  const setStatus = useSetActionStatus();
  const headingId = `objective-${o.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`vd-panel vd-stack vd-strategy-objective vd-strategy-depth-${Math.min(depth, 3)}`}
    >
      <Heading level={3} id={headingId}>
        {o.title}
      </Heading>
      {o.description ? <Paragraph>{o.description}</Paragraph> : null}
      <Paragraph className="vd-muted">
        {t('strategy.objectives.meta', {
          owner: o.ownerName,
          from: f.day(o.periodFrom),
          to: f.day(o.periodTo),
        })}
        {o.teamName ? ` ${t('strategy.objectives.team', { team: o.teamName })}` : ''}
      </Paragraph>
      {o.targets.length ? (
        <Table caption={t('strategy.targets.caption', { title: o.title })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('strategy.targets.kpi')}</TableHeaderCell>
              <TableHeaderCell>{t('strategy.targets.target')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {o.targets.map((x) => (
              <TableRow key={x.id}>
                <TableHeaderCell scope="row">{f.kpiName(x.kpiCode)}</TableHeaderCell>
                <TableCell>
                  {t(`strategy.targets.direction.${x.direction === 'lower' ? 'lower' : 'higher'}`, {
                    value: f.value(x.target, x.unit),
                  })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Paragraph>{t('strategy.targets.none')}</Paragraph>
      )}
      {o.actions.length ? (
        <Table caption={t('strategy.actions.caption', { title: o.title })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('strategy.actions.title')}</TableHeaderCell>
              <TableHeaderCell>{t('strategy.actions.owner')}</TableHeaderCell>
              <TableHeaderCell>{t('strategy.actions.dueOn')}</TableHeaderCell>
              <TableHeaderCell>{t('strategy.actions.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {o.actions.map((a) => (
              <TableRow key={a.id}>
                <TableHeaderCell scope="row">{a.title}</TableHeaderCell>
                <TableCell>{a.ownerName}</TableCell>
                <TableCell>
                  {f.day(a.dueOn)}{' '}
                  {a.overdue ? (
                    <StatusBadge status="warning">{t('strategy.actions.overdue')}</StatusBadge>
                  ) : null}
                </TableCell>
                <TableCell>
                  {mayManage ? (
                    <Select
                      id={`action-status-${a.id}`}
                      aria-label={t('strategy.actions.statusOf', { title: a.title })}
                      value={a.status}
                      disabled={setStatus.isPending}
                      onChange={(event) =>
                        setStatus.mutate({
                          id: a.id,
                          status: event.target.value as typeof a.status,
                          version: a.version,
                        })
                      }
                    >
                      {(['open', 'done', 'cancelled'] as const).map((value) => (
                        <option key={value} value={value}>
                          {t(`strategy.actions.statuses.${value}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    t(`strategy.actions.statuses.${a.status}`)
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {setStatus.isError ? <ErrorAlert error={setStatus.error} /> : null}
      {mayManage ? (
        <div className="vd-strategy-forms">
          <TargetForm objective={o} />
          <ActionForm objective={o} />
        </div>
      ) : null}
    </section>
  );
}

const TARGET_KPIS = KPI_CODES.filter((code) => KPI_CATALOGUE[code].direction !== 'none');

function TargetForm({ objective: o }: { objective: Objective }) {
  const { t } = useTranslation();
  const f = useStrategyFormat();
  const add = useAddTarget();
  const [done, setDone] = useState(false);
  const errorsId = `target-errors-${o.id}`;
  const form = useForm(
    { kpiCode: '', target: '' },
    {
      kpiCode: { id: `target-kpi-${o.id}`, label: t('strategy.targets.kpi') },
      target: { id: `target-value-${o.id}`, label: t('strategy.targets.target') },
    },
  );
  return (
    <details className="vd-strategy-details">
      <summary>{t('strategy.targets.add')}</summary>
      <FormErrorAlert form={form} error={add.error ?? undefined} id={errorsId} />
      {done ? <Notice>{t('strategy.targets.added')}</Notice> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setDone(false);
          const value = Number(form.values.target.replace(',', '.'));
          const errors: Record<string, string> = {};
          if (!form.values.kpiCode) errors.kpiCode = t('validation.choose');
          if (!form.values.target.trim() || !Number.isFinite(value)) errors.target = t('validation.required');
          if (!form.report(errors)) {
            focusLater(errorsId);
            return;
          }
          add.mutate(
            {
              objectiveId: o.id,
              kpiCode: form.values.kpiCode as KpiCode,
              target: value,
              filter: o.teamId ? { teamId: o.teamId } : {},
            },
            {
              onSuccess: () => {
                setDone(true);
                form.reset();
              },
              onError: (error) => {
                form.onError(error);
                focusLater(errorsId);
              },
            },
          );
        })}
      >
        <div className="vd-filters__grid">
          <SelectField
            {...form.field('kpiCode')}
            emptyOption={t('validation.choose')}
            options={TARGET_KPIS.map((code) => ({ value: code, label: f.kpiName(code) }))}
          />
          <TextField {...form.field('target')} inputMode="decimal" />
        </div>
        {o.teamName ? <Paragraph>{t('strategy.targets.teamFilter', { team: o.teamName })}</Paragraph> : null}
        <ButtonGroup>
          <Button
            type="submit"
            appearance="secondary-action-button"
            busy={add.isPending}
            disabled={add.isPending}
          >
            {t('strategy.targets.save')}
          </Button>
        </ButtonGroup>
      </form>
    </details>
  );
}

function ActionForm({ objective: o }: { objective: Objective }) {
  const { t } = useTranslation();
  const add = useAddAction();
  const owners = useOwnerOptions();
  const me = useCurrentUser();
  const errorsId = `action-errors-${o.id}`;
  const form = useForm(
    { title: '', ownerId: me.id, dueOn: '' },
    {
      title: { id: `action-title-${o.id}`, label: t('strategy.actions.title') },
      ownerId: { id: `action-owner-${o.id}`, label: t('strategy.actions.owner') },
      dueOn: { id: `action-due-${o.id}`, label: t('strategy.actions.dueOn') },
    },
  );
  return (
    <details className="vd-strategy-details">
      <summary>{t('strategy.actions.add')}</summary>
      <FormErrorAlert form={form} error={add.error ?? undefined} id={errorsId} />
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          const errors: Record<string, string> = {};
          if (!form.values.title.trim()) errors.title = t('validation.required');
          if (!form.values.dueOn) errors.dueOn = t('validation.required');
          if (!form.report(errors)) {
            focusLater(errorsId);
            return;
          }
          add.mutate(
            {
              objectiveId: o.id,
              title: form.values.title.trim(),
              ownerId: form.values.ownerId,
              dueOn: form.values.dueOn,
            },
            {
              onSuccess: () => form.reset(),
              onError: (error) => {
                form.onError(error);
                focusLater(errorsId);
              },
            },
          );
        })}
      >
        <TextField {...form.field('title')} />
        <div className="vd-filters__grid">
          <SelectField {...form.field('ownerId')} options={owners} />
          <TextField {...form.field('dueOn')} type="date" />
        </div>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="secondary-action-button"
            busy={add.isPending}
            disabled={add.isPending}
          >
            {t('strategy.actions.save')}
          </Button>
        </ButtonGroup>
      </form>
    </details>
  );
}

const OBJECTIVE_ERRORS = 'objective-errors';
const OBJECTIVE_ADDED = 'objective-added';

function ObjectiveForm({ objectives }: { objectives: Objective[] }) {
  const { t } = useTranslation();
  const create = useCreateObjective();
  const teams = useTeams();
  const owners = useOwnerOptions();
  const me = useCurrentUser();
  const [done, setDone] = useState(false);
  const year = today().slice(0, 4);
  const form = useForm(
    {
      title: '',
      description: '',
      ownerId: me.id,
      teamId: '',
      parentId: '',
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
    },
    {
      title: { id: 'objective-title', label: t('strategy.objectives.fields.title') },
      description: { id: 'objective-description', label: t('strategy.objectives.fields.description') },
      ownerId: { id: 'objective-owner', label: t('strategy.objectives.fields.owner') },
      teamId: { id: 'objective-team', label: t('strategy.objectives.fields.team') },
      parentId: { id: 'objective-parent', label: t('strategy.objectives.fields.parent') },
      periodFrom: { id: 'objective-from', label: t('strategy.objectives.fields.from') },
      periodTo: { id: 'objective-to', label: t('strategy.objectives.fields.to') },
    },
  );
  return (
    <section aria-labelledby="objective-form-heading" className="vd-panel vd-stack">
      <Heading level={3} id="objective-form-heading">
        {t('strategy.objectives.add')}
      </Heading>
      <FormErrorAlert form={form} error={create.error ?? undefined} id={OBJECTIVE_ERRORS} />
      {done ? <Notice id={OBJECTIVE_ADDED}>{t('strategy.objectives.added')}</Notice> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setDone(false);
          const v = form.values;
          const errors: Record<string, string> = {};
          if (!v.title.trim()) errors.title = t('validation.required');
          if (!v.periodFrom) errors.periodFrom = t('validation.required');
          if (!v.periodTo) errors.periodTo = t('validation.required');
          else if (v.periodTo < v.periodFrom) errors.periodTo = t('validation.dateOrder');
          if (!form.report(errors)) {
            focusLater(OBJECTIVE_ERRORS);
            return;
          }
          create.mutate(
            {
              title: v.title.trim(),
              description: v.description.trim(),
              ownerId: v.ownerId,
              teamId: v.teamId || null,
              parentId: v.parentId || null,
              periodFrom: v.periodFrom,
              periodTo: v.periodTo,
            },
            {
              onSuccess: () => {
                setDone(true);
                form.reset();
                focusLater(OBJECTIVE_ADDED);
              },
              onError: (error) => {
                form.onError(error);
                focusLater(OBJECTIVE_ERRORS);
              },
            },
          );
        })}
      >
        <TextField {...form.field('title')} />
        <TextareaField {...form.field('description')} rows={2} />
        <div className="vd-filters__grid">
          <SelectField {...form.field('ownerId')} options={owners} />
          <SelectField
            {...form.field('teamId')}
            emptyOption={t('strategy.objectives.noTeam')}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          />
          <SelectField
            {...form.field('parentId')}
            emptyOption={t('strategy.objectives.noParent')}
            options={objectives.map((o) => ({ value: o.id, label: o.title }))}
          />
          <TextField {...form.field('periodFrom')} type="date" />
          <TextField {...form.field('periodTo')} type="date" />
        </div>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={create.isPending}
            disabled={create.isPending}
          >
            {t('strategy.objectives.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
