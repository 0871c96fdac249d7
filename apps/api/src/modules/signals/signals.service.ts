/**
 * The improvement inbox (issue 15, "Verbeteren"): signals collected from every source, clustered, and triaged —
 * moved, split out, dismissed with a reason, or turned into an improvement proposal.
 */
import { createHash } from 'node:crypto';
import type { Db } from '@voordeur/db';
import {
  KPI_CODES,
  RESIDENT_SUGGESTIONS_PER_HOUR,
  SIGNAL_LIMITS,
  type SignalClusterQuery,
  type SignalProposeBody,
  type SignalStatus,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { signature } from '../../platform/personal-data.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { safeEqual } from '../../plugins/security.ts';
import { createImprovement } from '../improvements/index.ts';
import { kpiValues } from '../metrics/index.ts';
import { teamIdsIn } from '../teams/index.ts';
import { signalErrors } from './signals.errors.ts';
import { signalsPolicy } from './signals.policy.ts';
import { presentCluster, presentSignal } from './signals.presenter.ts';
import * as q from './signals.queries.ts';

/** How far back the catch-up looks: a source record older than this never becomes a signal. */
export const LOOK_BACK_DAYS = 90;
const DAY = 86_400_000;

// ---- collecting ----

/**
 * One round for one organisation: every source since the look-back, then the new signals clustered. Re-runs
 * add nothing (the unique source key).
 */
export async function collect(
  db: Db,
  organisationId: string,
  now = new Date(),
  lookBackDays = LOOK_BACK_DAYS,
) {
  const since = new Date(now.getTime() - lookBackDays * DAY);
  const survey = await q.collectSurveyAnswers(db, organisationId, since);
  const complaint = await q.collectComplaints(db, organisationId, since);
  const normBreach = await q.collectNormBreaches(db, organisationId, since);
  const repeatContact = await q.collectRepeatContacts(db, organisationId, since);
  const clustered = await clusterOpen(db, organisationId);
  return { survey, complaint, normBreach, repeatContact, clustered };
}

/** The periodic catch-up over every organisation (the worker's task). */
export async function collectAll(db: Db, now = new Date()) {
  const totals = { organisations: 0, signals: 0, clustered: 0 };
  for (const id of await q.organisationIds(db)) {
    const r = await collect(db, id, now);
    totals.organisations++;
    totals.signals += r.survey + r.complaint + r.normBreach + r.repeatContact;
    totals.clustered += r.clustered;
    await q.pruneThrottle(db, id, new Date(now.getTime() - DAY));
  }
  return totals;
}

/** The last complete calendar month before `now`: its first and last day (ISO dates) and its key (YYYY-MM). */
export function lastCompleteMonth(now: Date) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    from: day(first),
    to: day(last),
    key: day(first).slice(0, 7),
    end: new Date(last.getTime() + DAY - 1),
  };
}

/**
 * KPIs off their target in the last complete month, for the organisation and for each team (through the KPI
 * catalogue's one definition, `kpiValues`): one signal per KPI, team and month.
 */
export async function collectKpiDeviations(db: Db, organisationId: string, now = new Date()) {
  const month = lastCompleteMonth(now);
  const teams = [null, ...(await teamIdsIn(db, organisationId)).map((t) => t.id)];
  let added = 0;
  for (const teamId of teams) {
    const values = await kpiValues(
      db,
      organisationId,
      { from: month.from, to: month.to, ...(teamId ? { teamId } : {}) },
      KPI_CODES,
      now,
    );
    for (const v of values)
      if (v.status === 'missed')
        added += await q.insertKpiDeviation(db, organisationId, {
          code: v.code,
          teamId,
          month: month.key,
          occurredAt: month.end,
        });
  }
  if (added) await clusterOpen(db, organisationId);
  return added;
}

export async function collectAllKpiDeviations(db: Db, now = new Date()) {
  let signals = 0;
  for (const id of await q.organisationIds(db)) signals += await collectKpiDeviations(db, id, now);
  return { signals };
}

/** Puts every open signal that is in no cluster yet into the cluster it fits best, or a new one. */
export async function clusterOpen(db: Db, organisationId: string) {
  let done = 0;
  for (;;) {
    const batch = await q.unclustered(db, organisationId, 200);
    if (!batch.length) return done;
    for (const s of batch) {
      await db.transaction(async (tx) => {
        const clusterId =
          (await q.bestCluster(tx, organisationId, s)) ?? (await q.insertCluster(tx, organisationId));
        await q.setCluster(tx, organisationId, s.id, clusterId);
      });
      done++;
    }
  }
}

// ---- suggestions ----

/** A suggestion from an employee, from any screen (with the page's path, never its query string). */
export async function suggestAsStaff(db: Db, ctx: Ctx, input: { text: string; page?: string | undefined }) {
  authorize(ctx.actor, signalsPolicy.suggest);
  const organisationId = ctx.actor.organisationId;
  const page = input.page?.split(/[?#]/, 1)[0] ?? null;
  const id = await db.transaction(async (tx) => {
    const teamId = ctx.actor.userId ? await q.teamOfUser(tx, organisationId, ctx.actor.userId) : null;
    const id = await q.insertSuggestion(tx, organisationId, {
      kind: 'staff_suggestion',
      text: input.text.trim(),
      page,
      createdBy: ctx.actor.userId,
      teamId,
    });
    // The text is not copied into the audit trail: it may name a person.
    await recordAudit(tx, ctx, {
      entityType: 'signal',
      entityId: id,
      action: 'created',
      after: { kind: 'staff_suggestion', page },
    });
    return id;
  });
  await clusterOpen(db, organisationId);
  return { id };
}

const FORM = 'verbeteridee';
const FORM_MAX_AGE_MS = DAY;
const formPayload = (organisationId: string, at: number) => `signals-form|${organisationId}|${FORM}|${at}`;

/** A signed moment the suggestion form was handed out (`<ms>.<signature>`): the time trap. */
export function suggestionFormToken(organisationId: string, now = new Date()) {
  const at = now.getTime();
  return `${at}.${signature(formPayload(organisationId, at))}`;
}

export type ResidentSuggestionOutcome =
  | { outcome: 'stored'; id: string }
  | { outcome: 'invalid'; errors: { text?: 'short' | 'long' } }
  | { outcome: 'throttled' }
  | { outcome: 'rejected' };

/**
 * A suggestion from a resident on the public portal: counted against the sender's IP address (hashed, per hour,
 * in the database; refused posts count too), refused when the honeypot is filled or the form came back too fast
 * or too late, then checked for length. Stored without anything that names the sender.
 */
export async function suggestAsResident(
  db: Db,
  ctx: Ctx,
  input: { text: string; website: string; formToken: string; ip: string; minFillSeconds: number },
  now = new Date(),
): Promise<ResidentSuggestionOutcome> {
  const organisationId = ctx.actor.organisationId;
  const key = createHash('sha256').update(`signals-ip:${input.ip}`).digest('base64url');
  const window = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const count = await q.countSuggestion(db, organisationId, key, window);
  if (count > RESIDENT_SUGGESTIONS_PER_HOUR) return { outcome: 'throttled' };
  if (input.website.trim()) return { outcome: 'rejected' };
  const [at, sig] = input.formToken.split('.', 2);
  const issuedAt = Number(at);
  if (
    !Number.isSafeInteger(issuedAt) ||
    !sig ||
    !safeEqual(sig, signature(formPayload(organisationId, issuedAt)))
  )
    return { outcome: 'rejected' };
  const age = now.getTime() - issuedAt;
  if (age > FORM_MAX_AGE_MS || age < input.minFillSeconds * 1000) return { outcome: 'rejected' };
  const text = input.text.trim();
  if (text.length < SIGNAL_LIMITS.textMin) return { outcome: 'invalid', errors: { text: 'short' } };
  if (text.length > SIGNAL_LIMITS.textMax) return { outcome: 'invalid', errors: { text: 'long' } };
  const id = await db.transaction(async (tx) => {
    const id = await q.insertSuggestion(tx, organisationId, { kind: 'resident_suggestion', text });
    await recordAudit(tx, ctx, {
      entityType: 'signal',
      entityId: id,
      action: 'created',
      after: { kind: 'resident_suggestion' },
    });
    return id;
  });
  await clusterOpen(db, organisationId);
  return { outcome: 'stored', id };
}

// ---- the inbox ----

export async function listClusters(db: Db, ctx: Ctx, query: SignalClusterQuery) {
  authorize(ctx.actor, signalsPolicy.triage);
  const rows = await q.listClusters(db, ctx.actor.organisationId, {
    status: (query.status ?? 'open') as SignalStatus,
    kind: query.kind,
    teamId: query.teamId,
    itemId: query.itemId,
  });
  return rows.map(presentCluster);
}

export async function getCluster(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, signalsPolicy.triage);
  return clusterDetail(db, ctx.actor.organisationId, id);
}

async function clusterDetail(db: Db, organisationId: string, id: string) {
  const cluster = await q.findCluster(db, organisationId, id);
  if (!cluster) throw errors.notFound('cluster');
  const [row] = await q.listClusters(db, organisationId, { status: cluster.status as SignalStatus, id });
  const signals = (await q.signalsOfCluster(db, organisationId, id)).map(presentSignal);
  const base = row
    ? presentCluster(row)
    : presentCluster({
        id,
        status: cluster.status as SignalStatus,
        dismiss_reason: cluster.dismissReason,
        improvement_id: cluster.improvementId,
        version: cluster.version,
        count: 0,
        weight: 0,
        kinds: [],
        first_at: null,
        last_at: null,
        item_id: null,
        item_name: null,
        team_id: null,
        team_name: null,
        breach_reason: null,
        examples: [],
      });
  return { ...base, signals };
}

/** Moves an open signal into another open cluster, or (null) splits it out into a new cluster of its own. */
export async function moveSignal(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { clusterId: string | null; version: number },
) {
  authorize(ctx.actor, signalsPolicy.triage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await q.findSignal(tx, organisationId, id);
    if (!before) throw errors.notFound('signal');
    if (before.status !== 'open') throw signalErrors.notOpen();
    let target = input.clusterId;
    if (target) {
      const cluster = await q.findCluster(tx, organisationId, target);
      if (!cluster) throw errors.validation([{ field: 'clusterId', message: 'No such cluster' }]);
      if (cluster.status !== 'open') throw signalErrors.notOpen();
      if (target === before.clusterId)
        throw errors.validation([{ field: 'clusterId', message: 'The signal is in this cluster already' }]);
    } else target = await q.insertCluster(tx, organisationId);
    if (!(await q.moveSignal(tx, organisationId, id, input.version, target))) throw errors.versionConflict();
    await q.dropEmptyClusters(tx, organisationId);
    await recordAudit(tx, ctx, {
      entityType: 'signal',
      entityId: id,
      action: 'signal_moved',
      before: { clusterId: before.clusterId },
      after: { clusterId: target },
    });
    return { clusterId: target };
  });
}

export async function dismissSignal(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { reason: string; version: number },
) {
  authorize(ctx.actor, signalsPolicy.triage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await q.findSignal(tx, organisationId, id);
    if (!before) throw errors.notFound('signal');
    if (before.status !== 'open') throw signalErrors.notOpen();
    if (!(await q.dismissSignal(tx, organisationId, id, input.version, input.reason)))
      throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'signal',
      entityId: id,
      action: 'dismissed',
      after: { reason: input.reason },
    });
    return { id };
  });
}

export async function dismissCluster(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { reason: string; version: number },
) {
  authorize(ctx.actor, signalsPolicy.triage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const before = await q.findCluster(tx, organisationId, id);
    if (!before) throw errors.notFound('cluster');
    if (before.status !== 'open') throw signalErrors.notOpen();
    const ids = await q.openSignalIds(tx, organisationId, id);
    if (
      !(await q.closeCluster(tx, organisationId, id, input.version, {
        status: 'dismissed',
        reason: input.reason,
      }))
    )
      throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'signal_cluster',
      entityId: id,
      action: 'dismissed',
      after: { reason: input.reason, signals: ids.length },
    });
  });
  return clusterDetail(db, organisationId, id);
}

/**
 * Turns an open cluster into an improvement proposal (origin `signals`, through improvements/index.ts) for the
 * cluster's item and team, with the KPIs it should move; the cluster and its open signals are linked to it. All in
 * one transaction: a refused owner stores nothing.
 */
export async function proposeCluster(db: Db, ctx: Ctx, id: string, input: SignalProposeBody) {
  authorize(ctx.actor, signalsPolicy.triage);
  const organisationId = ctx.actor.organisationId;
  const improvementId = await db.transaction(async (tx) => {
    const before = await q.findCluster(tx, organisationId, id);
    if (!before) throw errors.notFound('cluster');
    if (before.status !== 'open') throw signalErrors.notOpen();
    if (before.version !== input.version) throw errors.versionConflict();
    const [shared] = await q.listClusters(tx, organisationId, { status: 'open', id });
    const itemId = shared?.item_id ?? undefined;
    const teamId = shared?.team_id ?? undefined;
    const filter = itemId ? { itemId } : teamId ? { teamId } : undefined;
    const { id: improvementId } = await createImprovement(tx, ctx, {
      title: input.title,
      problem: input.problem,
      ...(input.expectedEffect ? { expectedEffect: input.expectedEffect } : {}),
      ownerId: input.ownerId,
      ...(input.quickWin !== undefined ? { quickWin: input.quickWin } : {}),
      origin: 'signals',
      originId: id,
      ...(teamId ? { teamId } : {}),
      ...(itemId ? { catalogueItemId: itemId } : {}),
      kpis: (input.kpiCodes ?? []).map((code) => ({ code, ...(filter ? { filter } : {}) })),
    });
    const ids = await q.openSignalIds(tx, organisationId, id);
    if (!(await q.closeCluster(tx, organisationId, id, input.version, { status: 'proposed', improvementId })))
      throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'signal_cluster',
      entityId: id,
      action: 'proposed',
      after: { improvementId, signals: ids.length },
    });
    return improvementId;
  });
  return { improvementId, cluster: await clusterDetail(db, organisationId, id) };
}
