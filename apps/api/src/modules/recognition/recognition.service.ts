import type { Db } from '@voordeur/db';
import type { ImprovementSummary, KpiCode, TeamPage, TeamPages } from '@voordeur/shared';
import { type Ctx, systemCtx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { improvementsOfTeam } from '../improvements/index.ts';
import { kpiValues } from '../metrics/index.ts';
import { queueNotifications } from '../notifications/index.ts';
import { teamPulse } from '../pulse/index.ts';
import { recognitionPolicy } from './recognition.policy.ts';
import { dayOf, presentCompliment } from './recognition.presenter.ts';
import * as q from './recognition.queries.ts';
import { COMPLIMENT_WORDS } from './recognition.words.ts';

/** The figures a team page shows (the catalogue's definitions, filtered by the team). */
export const TEAM_FIGURES: readonly KpiCode[] = [
  'cases_opened',
  'norm_compliance',
  'resolution_mean',
  'fcr',
  'grade_mean',
  'grade_7_plus',
];

/**
 * Routes compliments (idempotent; the periodic task): each survey answer marked as compliment goes to the
 * employee who handled it — the agent of the contact, the one who closed the case — and to its team. In one
 * transaction per compliment: the routed record, an email to the employee (no resident's name or details; the
 * grade only), and the audit event.
 */
export async function routeCompliments(db: Db) {
  let routed = 0;
  let notified = 0;
  for (const r of await q.unrouted(db)) {
    const done = await db.transaction(async (tx) => {
      const employeeUserId = r.caseId
        ? await q.handlerOfCase(tx, r.organisationId, r.caseId)
        : r.contactId
          ? await q.agentOfContact(tx, r.organisationId, r.contactId)
          : null;
      const created = await q.insertCompliment(tx, {
        organisationId: r.organisationId,
        surveyResponseId: r.id,
        source: r.source === 'contact' ? 'contact' : 'case',
        caseId: r.caseId,
        contactId: r.contactId,
        employeeUserId,
        teamId: r.teamId,
        itemCode: r.itemCode,
        grade: r.grade,
        comment: r.comment,
        receivedAt: r.answeredAt,
      });
      if (!created) return null;
      const ctx = systemCtx(r.organisationId, 'Voordeur (complimenten)');
      const employee = employeeUserId ? await q.userById(tx, r.organisationId, employeeUserId) : undefined;
      const notify = employee?.active === true;
      if (employee && notify) {
        const language = employee.locale === 'en' ? 'en' : 'nl';
        const w = COMPLIMENT_WORDS[language];
        await queueNotifications(tx, [
          {
            organisationId: r.organisationId,
            caseId: null,
            kind: 'compliment',
            audience: 'staff',
            channel: 'email',
            recipient: employee.email,
            recipientName: employee.name,
            language,
            subject: w.subject,
            body: w.body(r.grade),
          },
        ]);
      }
      await recordAudit(tx, ctx, {
        entityType: 'compliment',
        entityId: created.id,
        action: 'created',
        after: { grade: r.grade, employee: employeeUserId, team: r.teamId, notified: notify },
      });
      return { notify };
    });
    if (done) routed++;
    if (done?.notify) notified++;
  }
  return { routed, notified };
}

/** The teams whose page the reader may open (own teams first marked), and their own compliments. */
export async function teamPages(db: Db, ctx: Ctx): Promise<TeamPages> {
  authorize(ctx.actor, recognitionPolicy.own);
  const { organisationId } = ctx.actor;
  const userId = ctx.actor.userId!;
  const [own, all, mine] = await Promise.all([
    q.teamIdsOfUser(db, organisationId, userId),
    q.allTeams(db, organisationId),
    q.complimentsOfUser(db, organisationId, userId),
  ]);
  const everyTeam = recognitionPolicy.allTeams(ctx.actor);
  return {
    teams: all
      .filter((t) => everyTeam || own.includes(t.id))
      .map((t) => ({ id: t.id, name: t.name, own: own.includes(t.id) })),
    compliments: mine.map(presentCompliment),
  };
}

const DAYS = 90;

/** A team's page: its compliments, residents' comments (for who may read survey answers), figures and pulse. */
export async function teamPage(
  db: Db,
  ctx: Ctx,
  teamId: string,
  now = new Date(),
): Promise<TeamPage & { improvements: ImprovementSummary[] }> {
  authorize(ctx.actor, recognitionPolicy.own);
  const { organisationId } = ctx.actor;
  const t = await q.teamWithCount(db, organisationId, teamId);
  if (!t) throw errors.notFound('team');
  if (!recognitionPolicy.allTeams(ctx.actor)) {
    const own = await q.teamIdsOfUser(db, organisationId, ctx.actor.userId!);
    if (!own.includes(teamId)) throw errors.forbidden('Only members read this team page.');
  }
  const fromDate = new Date(now.getTime() - (DAYS - 1) * 86_400_000);
  const from = dayOf(fromDate);
  const to = dayOf(now);
  const since = new Date(`${from}T00:00:00Z`);
  const [compliments, comments, figures, pulse, improvements] = await Promise.all([
    q.complimentsOfTeam(db, organisationId, teamId, since),
    recognitionPolicy.surveyComments(ctx.actor)
      ? q.surveyCommentsOfTeam(db, organisationId, teamId, since)
      : Promise.resolve(null),
    kpiValues(db, organisationId, { from, to, teamId }, TEAM_FIGURES, now),
    teamPulse(db, organisationId, teamId),
    improvementsOfTeam(db, organisationId, teamId),
  ]);
  return {
    team: t,
    from,
    to,
    compliments: compliments.map(presentCompliment),
    surveyComments: comments
      ? comments.map((c) => ({ grade: c.grade, comment: c.comment, answeredOn: dayOf(c.answeredAt) }))
      : null,
    figures,
    pulse,
    improvements,
  };
}
