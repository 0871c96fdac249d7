import type { Signal, SignalCluster } from '@voordeur/shared';
import type { ClusterRow, SignalRow } from './signals.queries.ts';

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentCluster(r: ClusterRow): SignalCluster {
  return {
    id: r.id,
    status: r.status,
    count: Number(r.count),
    weight: Number(r.weight),
    kinds: [...(r.kinds ?? [])].sort(),
    firstAt: iso(r.first_at),
    lastAt: iso(r.last_at),
    item: ref(r.item_id, r.item_name),
    team: ref(r.team_id, r.team_name),
    breachReason: r.breach_reason,
    examples: r.examples ?? [],
    dismissReason: r.dismiss_reason,
    improvementId: r.improvement_id,
    version: r.version,
  };
}

export function presentSignal(r: SignalRow): Signal {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    clusterId: r.cluster_id,
    weight: r.weight,
    item: ref(r.catalogue_item_id, r.item_name),
    team: ref(r.team_id, r.team_name),
    area: r.area,
    channel: r.channel,
    breachReason: r.breach_reason,
    grade: r.grade,
    kpiCode: r.kpi_code,
    text: r.text,
    page: r.page,
    caseId: r.case_id,
    caseReference: r.case_reference,
    dismissReason: r.dismiss_reason,
    occurredAt: new Date(r.occurred_at).toISOString(),
    version: r.version,
  };
}
