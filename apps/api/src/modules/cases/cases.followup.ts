import type { Db } from '@voordeur/db';
import type { Ctx } from '../../platform/actor.ts';
import { type Change, commit, loadForChange } from './cases.service.ts';

/** What a survey answer about a case means for it (decided by the surveys module from its configuration). */
export interface SurveyOutcome {
  grade: number;
  solved: boolean | null;
  comment: string;
  /** The answer asks the team to follow the case up (a low grade, or "not solved"); null: it does not. */
  followUp: 'low_grade' | 'not_solved' | null;
  /** Reopen a closed case (the item's configuration says so, and the person said "not solved"). */
  reopen: boolean;
  /** A good grade with a text: a compliment for the team. */
  compliment: boolean;
}

/**
 * Records a survey answer on its case, in the caller's transaction: a timeline entry (kind `survey`, internal)
 * with the grade and text; when it asks for follow-up, the case's follow-up flag (`follow_up_at`, shown on the
 * case page and filtered in the queue: `followUp=true`); and, when `reopen` and the case is closed, a workflow
 * step back to an open status — the status its workflow allows from here, else its first — recorded as a reopen.
 * Returns whether the case was reopened.
 */
export async function recordSurveyOutcome(tx: Db, ctx: Ctx, caseId: string, o: SurveyOutcome) {
  const l = await loadForChange(tx, ctx.actor.organisationId, caseId);
  const { c } = l.row;
  const statuses = l.def.handling.statuses;
  const now = new Date();
  const set: Change['set'] = {};
  let status: Change['status'];
  const publish: Change['publish'] = [];
  if (o.followUp) Object.assign(set, { followUpAt: now, followUpReason: o.followUp });
  const reopen = o.reopen && c.closedAt !== null;
  if (reopen) {
    const allowed = l.def.handling.transitions
      .filter((t) => t.from === c.status)
      .map((t) => statuses.find((s) => s.key === t.to))
      .find((s) => s && !s.final);
    const target = allowed ?? statuses.find((s) => !s.final)!;
    Object.assign(set, { closedAt: null, reopenRequestedAt: null });
    status = { to: target.key, note: 'Heropend na de enquête: niet opgelost.' };
    publish.push({ type: 'status_changed', data: { from: c.status, to: target.key, reopened: true } });
  }
  const title = o.compliment ? 'compliment' : o.followUp ? 'follow_up' : 'answered';
  await commit(
    tx,
    ctx,
    l,
    {
      set,
      ...(status ? { status } : {}),
      events: [
        {
          kind: 'survey',
          // What staff read on the timeline: the answers in a line, then the person's own words.
          body: [
            [
              `Cijfer ${o.grade}`,
              o.solved === null ? null : o.solved ? 'opgelost' : 'niet opgelost',
              o.followUp ? 'opvolgen gevraagd' : null,
              o.compliment ? 'compliment' : null,
            ]
              .filter(Boolean)
              .join(' · '),
            o.comment,
          ]
            .filter(Boolean)
            .join('\n'),
          data: {
            grade: o.grade,
            solved: o.solved,
            outcome: title,
            followUp: o.followUp,
            reopened: reopen,
          },
        },
      ],
      publish,
      audit: {
        action: reopen
          ? 'reopened'
          : o.followUp
            ? 'follow_up_flagged'
            : o.compliment
              ? 'compliment_received'
              : 'answered',
        after: {
          grade: o.grade,
          solved: o.solved,
          ...(o.followUp ? { followUp: o.followUp } : {}),
          ...(status ? { status: status.to } : {}),
        },
      },
    },
    now,
  );
  return { reopened: reopen };
}
