import type { objectiveTarget, strategyVision } from '@voordeur/db';
import {
  type ActionStatus,
  KPI_CATALOGUE,
  type KpiCode,
  type ObjectiveAction,
  type ObjectiveTarget,
  type TargetFilter,
  type Vision,
} from '@voordeur/shared';
import type * as q from './strategy.queries.ts';

type ActionRow = Awaited<ReturnType<typeof q.actions>>[number];

export function presentVision(
  v: typeof strategyVision.$inferSelect,
  current: boolean,
  today: string,
): Vision {
  return {
    id: v.id,
    version: v.version,
    vision: v.vision,
    mission: v.mission,
    values: v.values as Vision['values'],
    stakeholders: v.stakeholders as string[],
    adoptedOn: v.adoptedOn,
    nextReviewOn: v.nextReviewOn,
    reviewOverdue: current && v.nextReviewOn < today,
    createdAt: v.createdAt.toISOString(),
  };
}

export function presentTarget(t: typeof objectiveTarget.$inferSelect): ObjectiveTarget {
  const code = t.kpiCode as KpiCode;
  const entry = KPI_CATALOGUE[code];
  return {
    id: t.id,
    kpiCode: code,
    unit: entry.unit,
    direction: entry.direction,
    target: t.target,
    filter: t.filter as TargetFilter,
  };
}

export function presentAction(row: ActionRow, today: string): ObjectiveAction {
  const a = row.action;
  return {
    id: a.id,
    objectiveId: a.objectiveId,
    title: a.title,
    ownerId: a.ownerId,
    ownerName: row.ownerName,
    dueOn: a.dueOn,
    status: a.status as ActionStatus,
    overdue: a.status === 'open' && a.dueOn < today,
    version: a.version,
  };
}
