import type { ideaComment, ideaStageMove } from '@voordeur/db';
import type {
  IdeaComparisonGroup,
  IdeaDetail,
  IdeaGroup,
  IdeaStage,
  IdeaSummary,
  KpiComparison,
} from '@voordeur/shared';
import type { IdeaRow } from './ideas.queries.ts';

type Listed = {
  idea: IdeaRow;
  ownerName: string;
  proposedByName: string | null;
  pendingComments: number;
  stageSince: Date | string | null;
};

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentSummary(r: Listed): IdeaSummary {
  return {
    id: r.idea.id,
    title: r.idea.title,
    stage: r.idea.stage as IdeaStage,
    ownerId: r.idea.ownerId,
    ownerName: r.ownerName,
    proposedByName: r.idea.proposedByKind === 'resident' ? null : r.proposedByName,
    proposedByKind: r.idea.proposedByKind as 'staff' | 'resident',
    published: r.idea.published,
    pendingComments: Number(r.pendingComments),
    stageSince: iso(r.stageSince) ?? r.idea.createdAt.toISOString(),
    updatedAt: r.idea.updatedAt.toISOString(),
  };
}

export function presentDetail(
  r: Listed & { moves: (typeof ideaStageMove.$inferSelect)[]; comments: (typeof ideaComment.$inferSelect)[] },
  abilities: { manage: boolean; moderate: boolean },
): IdeaDetail {
  const i = r.idea;
  return {
    ...presentSummary(r),
    description: i.description,
    stopReason: i.stopReason,
    experiment:
      i.kpiCode && i.experimentFrom && i.experimentTo
        ? {
            hypothesis: i.hypothesis ?? '',
            kpi: i.kpiCode,
            from: i.experimentFrom,
            to: i.experimentTo,
            testGroup: (i.testGroup ?? {}) as IdeaGroup,
            comparisonGroup: (i.comparisonGroup ?? {}) as IdeaComparisonGroup,
            decisionRule: i.decisionRule ?? '',
            result: (i.result ?? null) as KpiComparison | null,
            resultAt: iso(i.resultAt),
          }
        : null,
    decision: (i.decision ?? null) as IdeaDetail['decision'],
    decisionNote: i.decisionNote,
    decidedAt: iso(i.decidedAt),
    improvementId: i.improvementId,
    moves: r.moves.map((m) => ({
      fromStage: (m.fromStage ?? null) as IdeaStage | null,
      toStage: m.toStage as IdeaStage,
      note: m.note,
      movedBy: m.movedBy,
      movedAt: m.movedAt.toISOString(),
    })),
    comments: r.comments.map((c) => ({
      id: c.id,
      body: c.body,
      displayName: c.displayName,
      status: c.status as 'pending' | 'approved' | 'rejected',
      rejectReason: c.rejectReason,
      moderatedBy: c.moderatedBy,
      moderatedAt: iso(c.moderatedAt),
      createdAt: c.createdAt.toISOString(),
    })),
    version: i.version,
    abilities,
  };
}
