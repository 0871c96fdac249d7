/**
 * The excellence overview for management (issue 15, item 7): built from the other parts' exports — the strategy's
 * objectives on and off target, the improvements, and the latest self-assessment's profile with its trend. A part
 * without data says so, never fakes it.
 */
import type { Db } from '@voordeur/db';
import type { ExcellenceOverview } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { allows, authorize } from '../../platform/policy.ts';
import { assessmentOverview, elementNames } from '../assessments/index.ts';
import { improvementOverview } from '../improvements/index.ts';
import { objectivesStatus } from '../strategy/index.ts';

export async function overview(db: Db, ctx: Ctx, now = new Date()): Promise<ExcellenceOverview> {
  authorize(ctx.actor, allows('readExcellence'));
  const organisationId = ctx.actor.organisationId;
  const [objectives, improvements, assessment] = await Promise.all([
    objectivesStatus(db, organisationId, now),
    // Open improvements by the element's name in the model, not its code alone.
    elementNames(db, organisationId).then((names) => improvementOverview(db, organisationId, now, names)),
    assessmentOverview(db, organisationId),
  ]);
  return { objectives, improvements, assessment };
}
