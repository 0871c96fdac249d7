import type { segment } from '@voordeur/db';
import type { KpiCatalogueEntry, KpiCode, KpiDefinition, Segment } from '@voordeur/shared';
import type { DrillCaseRow, DrillContactRow } from './metrics.queries.ts';

const iso = (v: Date | string) => new Date(v).toISOString();

export function presentDefinition(
  d: KpiCatalogueEntry & {
    code: KpiCode;
    target: number | null;
    version: number;
    drill: KpiDefinition['drill'];
  },
): KpiDefinition {
  return {
    code: d.code,
    unit: d.unit,
    direction: d.direction,
    name: d.name,
    formula: d.formula,
    source: d.source,
    defaultTarget: d.defaultTarget,
    target: d.target,
    targetVersion: d.version,
    audience: [...d.audience],
    reads: [...d.reads],
    drill: d.drill,
  };
}

export function presentSegment(s: typeof segment.$inferSelect): Segment {
  const name = s.name as { nl: string; en?: string };
  return {
    id: s.id,
    code: s.code,
    name: { nl: name.nl, ...(name.en ? { en: name.en } : {}) },
    rule: s.rule as Record<string, string[]>,
    version: s.version,
    updatedAt: iso(s.updatedAt),
  };
}

/** A case behind a number: what it is about and its dates, nothing of the person. */
export function presentDrillCase(r: DrillCaseRow) {
  return {
    id: r.id,
    reference: r.reference,
    subject: r.subject,
    channel: r.channel,
    team: r.team,
    item: r.item,
    openedAt: iso(r.openedAt),
    ...(r.closedAt ? { closedAt: iso(r.closedAt) } : {}),
    dueAt: iso(r.dueAt),
    ...(r.breachReason ? { breachReason: r.breachReason } : {}),
  };
}

/** A contact behind a number: its subject (the item, or the topic), channel, team and outcome. */
export function presentDrillContact(r: DrillContactRow) {
  return {
    id: r.id,
    subject: r.subject ?? '',
    channel: r.channel,
    team: r.team,
    item: r.item,
    openedAt: iso(r.openedAt),
    ...(r.closedAt ? { closedAt: iso(r.closedAt) } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
  };
}
