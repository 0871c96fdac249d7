import type { integrityRecord } from '@voordeur/db';
import type { IntegrityKind, IntegrityRecord, IntegrityStatus } from '@voordeur/shared';

export function presentRecord(r: typeof integrityRecord.$inferSelect): IntegrityRecord {
  return {
    id: r.id,
    kind: r.kind as IntegrityKind,
    occurredOn: r.occurredOn,
    summary: r.summary,
    peopleConcerned: r.peopleConcerned,
    measures: r.measures,
    status: r.status as IntegrityStatus,
    outcome: r.outcome,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
