import type { Db } from '@voordeur/db';
import type { ComplaintAction } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { type ComplaintState, postponed, recompute } from './cases.clock.ts';
import { caseErrors } from './cases.errors.ts';
import { messages } from './cases.messages.ts';
import { caseActionRules, caseRefusal } from './cases.policy.ts';
import { type Change, change } from './cases.service.ts';

/**
 * Complaint handling under the Awb (chapter 9): acknowledgement of receipt (9:6), a hearing or its waiver (9:10),
 * an advisory committee (9:14: 10 weeks instead of 6), one extension of at most 4 weeks with a message (9:11),
 * and the decision with the National Ombudsman's details (9:12). Each step is a timeline entry and audited.
 */
export async function complaintAction(db: Db, ctx: Ctx, id: string, a: ComplaintAction) {
  authorize(ctx.actor, caseActionRules.complaint);
  return change(db, ctx, id, a.version, (l, _tx, now): Change => {
    const { c } = l.row;
    const refusal = caseRefusal({ c, def: l.def }, 'complaint', { step: a.action });
    if (refusal) throw refusal;
    const state = c.complaint as ComplaintState;
    const event = (
      body: string,
      data: Record<string, unknown>,
      visibility: 'public' | 'internal' = 'internal',
    ) => ({
      kind: 'complaint',
      visibility,
      body,
      data: { action: a.action, ...data },
    });
    switch (a.action) {
      case 'acknowledge': {
        return {
          set: { acknowledgedAt: now },
          events: [
            event(
              a.message ?? 'Ontvangstbevestiging verstuurd',
              { late: c.acknowledgeDueAt! < now },
              'public',
            ),
          ],
          person: [messages.acknowledged(c.createdAt, c.legalDueAt ?? c.dueAt, a.message)],
          publish: [{ type: 'complaint_updated', data: { action: 'acknowledge' } }],
          audit: { action: 'complaint_acknowledged' },
        };
      }
      case 'hearing': {
        const hearing = { held: a.held, at: a.date ?? null, note: a.note };
        if (a.held && !a.date) throw caseErrors.invalid('date', 'When was the hearing?', 'hearing_date');
        return {
          set: { complaint: { ...state, hearing } },
          events: [event(a.note || (a.held ? 'Hoorzitting gehouden' : 'Afgezien van horen'), hearing)],
          publish: [{ type: 'complaint_updated', data: { action: 'hearing', held: a.held } }],
          audit: { action: 'complaint_hearing', after: hearing },
        };
      }
      case 'advisory_committee': {
        const complaint = { ...state, advisoryCommittee: true };
        const times = recompute(l, { complaint });
        return {
          set: { complaint, legalDueAt: times.legalDueAt },
          events: [
            event('Voorgelegd aan de klachtadviescommissie', {
              decisionDueAt: times.legalDueAt?.toISOString(),
            }),
          ],
          publish: [{ type: 'complaint_updated', data: { action: 'advisory_committee' } }],
          audit: {
            action: 'complaint_committee',
            before: { legalDueAt: c.legalDueAt },
            after: { legalDueAt: times.legalDueAt },
          },
        };
      }
      case 'extend': {
        const { complaint, times } = postponed(l, a.weeks, a.reason, now);
        return {
          set: { complaint, legalDueAt: times.legalDueAt },
          events: [
            event(a.reason, { weeks: a.weeks, decisionDueAt: times.legalDueAt?.toISOString() }, 'public'),
          ],
          person: [messages.complaintExtended(a.reason, times.legalDueAt!)],
          publish: [{ type: 'complaint_updated', data: { action: 'extend', weeks: a.weeks } }],
          audit: {
            action: 'complaint_extended',
            before: { legalDueAt: c.legalDueAt },
            after: { legalDueAt: times.legalDueAt, reason: a.reason },
          },
        };
      }
      case 'decide': {
        const decision = { outcome: a.outcome, text: a.text, at: now.toISOString() };
        return {
          set: { complaint: { ...state, decision } },
          events: [event(a.text, { outcome: a.outcome }, 'public')],
          person: [messages.decided(a.text, l.settings.ombudsman)],
          publish: [{ type: 'complaint_updated', data: { action: 'decide', outcome: a.outcome } }],
          audit: { action: 'complaint_decided', after: { outcome: a.outcome } },
        };
      }
    }
  });
}
