import type { Db } from '@voordeur/db';
import { CHANNELS, type Channel, type CostToServe, type MetricFilter } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { costsPolicy } from './costs.policy.ts';
import * as q from './costs.queries.ts';

export async function listUnitCosts(db: Db, ctx: Ctx) {
  authorize(ctx.actor, costsPolicy.read);
  return q.listUnitCosts(db, ctx.actor.organisationId);
}

/**
 * Sets the unit costs sent, all or none: each item carries the version it was read at (0 when never set); a
 * stale one refuses the whole change (409). Each changed channel is audited.
 */
export async function setUnitCosts(
  db: Db,
  ctx: Ctx,
  items: { channel: Channel; cents: number; version: number }[],
) {
  authorize(ctx.actor, costsPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const channels = new Set(items.map((i) => i.channel));
  if (channels.size !== items.length)
    throw errors.validation([{ field: 'items', message: 'A channel more than once' }]);
  return db.transaction(async (tx) => {
    const before = new Map((await q.listUnitCosts(tx, organisationId)).map((r) => [r.channel, r]));
    for (const item of items) {
      const old = before.get(item.channel);
      if (old && old.version === item.version && old.cents === item.cents) continue;
      const saved = await q.setUnitCost(tx, organisationId, item.channel, item.cents, item.version);
      if (!saved) throw errors.versionConflict();
      await recordAudit(tx, ctx, {
        entityType: 'unit_cost',
        entityId: saved.id,
        action: old ? 'updated' : 'created',
        before: old ? { channel: old.channel, cents: old.cents } : null,
        after: { channel: saved.channel, cents: saved.cents },
      });
    }
    return q.listUnitCosts(tx, organisationId);
  });
}

export async function costToServe(
  db: Db,
  ctx: Ctx,
  period: { from: string; to: string },
): Promise<CostToServe> {
  authorize(ctx.actor, costsPolicy.read);
  return costToServeOf(db, ctx.actor.organisationId, period);
}

/**
 * Cost to serve per channel: (contacts + cases opened) × the channel's unit cost, next to the satisfaction of the
 * same channel — the seeds' question "why not accept a 6.5 instead of a 7.8 if it costs less?" needs both.
 */
export async function costToServeOf(
  db: Db,
  organisationId: string,
  filter: MetricFilter,
): Promise<CostToServe> {
  const [costs, volumes] = await Promise.all([
    q.listUnitCosts(db, organisationId),
    q.channelVolumes(db, organisationId, filter),
  ]);
  const unit = new Map(costs.map((c) => [c.channel, c.cents]));
  const volume = new Map(volumes.map((v) => [v.channel, v]));
  let totalCents = 0;
  let costed = 0;
  const items = CHANNELS.filter((c) => volume.has(c) || unit.has(c)).map((channel) => {
    const v = volume.get(channel) ?? { contacts: 0, cases: 0, responses: 0, gradeSum: 0, gradeAtLeast7: 0 };
    const cents = unit.get(channel) ?? null;
    const costCents = cents === null ? null : (v.contacts + v.cases) * cents;
    if (costCents !== null) {
      totalCents += costCents;
      costed += v.contacts + v.cases;
    }
    return {
      channel,
      contacts: v.contacts,
      cases: v.cases,
      unitCents: cents,
      costCents,
      responses: v.responses,
      gradeMean: v.responses ? Math.round((10 * v.gradeSum) / v.responses) / 10 : null,
      grade7Plus: v.responses ? Math.round((1000 * v.gradeAtLeast7) / v.responses) / 10 : null,
    };
  });
  return {
    from: filter.from,
    to: filter.to,
    items,
    totalCents,
    costPerContactCents: costed ? Math.round(totalCents / costed) : null,
  };
}

/**
 * `cost_per_contact` in euro for the metrics module (no authorisation here: its caller decides). `n` is the
 * contacts and cases of the channels with a unit cost. A segment filter is not applied here: no value then.
 */
export async function kpiValues(db: Db, organisationId: string, filter: MetricFilter) {
  if (filter.segment) return [{ code: 'cost_per_contact' as const, value: null, n: 0 }];
  const result = await costToServeOf(db, organisationId, filter);
  const n = result.items.reduce((s, r) => s + (r.unitCents === null ? 0 : r.contacts + r.cases), 0);
  return [
    {
      code: 'cost_per_contact' as const,
      value: result.costPerContactCents === null ? null : result.costPerContactCents / 100,
      n,
    },
  ];
}

/** Demo estimates in euro cents, of the order of public Dutch benchmarks (desk €10–15, phone €5–6, web €0.20–2). */
export const DEMO_UNIT_COSTS: Partial<Record<Channel, number>> = {
  desk: 1250,
  phone: 550,
  email: 350,
  letter: 900,
  chat: 300,
  social: 300,
  web: 100,
  app: 50,
  visit: 4500,
};

export async function seedDemoCosts(tx: Db, ctx: Ctx) {
  if ((await q.listUnitCosts(tx, ctx.actor.organisationId)).length) return;
  await setUnitCosts(
    tx,
    ctx,
    Object.entries(DEMO_UNIT_COSTS).map(([channel, cents]) => ({
      channel: channel as Channel,
      cents,
      version: 0,
    })),
  );
}
