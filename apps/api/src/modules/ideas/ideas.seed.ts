/**
 * Demo ideas (issue 15, item 4): one in each stage, dated relative to today — a resident's idea published with
 * approved comments and one waiting for moderation, an experiment measured on the demo's monitoring history
 * (first-contact resolution of the chat against the phone), a pilot, a rolled-out idea and a stopped one.
 */
import { appUser, type Db } from '@voordeur/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { compareKpi } from '../analysis/index.ts';
import { localDate } from '../calendar/index.ts';
import * as q from './ideas.queries.ts';

const DAY = 86_400_000;

type Move = { stage: 'experiment' | 'pilot' | 'rollout' | 'stopped'; daysAgo: number; note: string };
const IDEAS: {
  title: string;
  description: string;
  owner: string;
  proposer: string | null;
  daysAgo: number;
  moves: Move[];
  published?: boolean;
  comments?: { body: string; name: string; status: 'approved' | 'pending'; daysAgo: number }[];
  experiment?: boolean;
}[] = [
  {
    title: 'Afvalkalender met herinnering in de app',
    description:
      'U krijgt de avond voor de ophaaldag een bericht in de app: morgen halen we uw groene bak op.\n\nZo vergeet u de bak niet buiten te zetten. U kiest zelf of u dit wilt.',
    owner: 'manager@voorbeeld.nl',
    proposer: null,
    daysAgo: 20,
    moves: [],
    published: true,
    comments: [
      { body: 'Goed idee! Graag ook voor het oud papier.', name: 'Sanne', status: 'approved', daysAgo: 12 },
      { body: 'Kan het ook per sms? Ik heb geen app.', name: '', status: 'approved', daysAgo: 9 },
      { body: 'Werkt dit ook voor de containers in de flat?', name: 'Henk', status: 'pending', daysAgo: 1 },
    ],
  },
  {
    title: 'Chat met een medewerker op de website',
    description:
      'Op de website kunt u chatten met een medewerker van het KCC. U krijgt meteen antwoord en hoeft niet te bellen.',
    owner: 'quality@voorbeeld.nl',
    proposer: 'agent@voorbeeld.nl',
    daysAgo: 80,
    moves: [{ stage: 'experiment', daysAgo: 62, note: 'Acht weken proberen naast de telefoon.' }],
    experiment: true,
  },
  {
    title: 'Paspoort ophalen zonder afspraak op dinsdagavond',
    description: 'Op dinsdagavond kunt u uw paspoort of id-kaart ophalen zonder afspraak.',
    owner: 'manager@voorbeeld.nl',
    proposer: 'teamlead@voorbeeld.nl',
    daysAgo: 120,
    moves: [
      { stage: 'experiment', daysAgo: 100, note: 'Vier dinsdagen proberen.' },
      { stage: 'pilot', daysAgo: 45, note: 'Korter gewacht aan de balie; nu drie maanden in het stadhuis.' },
    ],
  },
  {
    title: 'Uitleg bij de aanslag in gewone taal',
    description: 'De brief bij de aanslag gemeentelijke belastingen is herschreven in eenvoudige woorden.',
    owner: 'quality@voorbeeld.nl',
    proposer: 'backoffice@voorbeeld.nl',
    daysAgo: 200,
    moves: [
      { stage: 'experiment', daysAgo: 180, note: 'Twee versies van de brief naar 500 huishoudens.' },
      { stage: 'pilot', daysAgo: 140, note: 'Minder vragen aan de telefoon over de nieuwe brief.' },
      { stage: 'rollout', daysAgo: 70, note: 'Alle brieven in de nieuwe tekst.' },
    ],
  },
  {
    title: 'Wachtmuziek vervangen door terugbelaanbod',
    description: 'Wie langer dan twee minuten wacht, kan kiezen om teruggebeld te worden.',
    owner: 'teamlead@voorbeeld.nl',
    proposer: 'mcc@voorbeeld.nl',
    daysAgo: 150,
    moves: [
      { stage: 'experiment', daysAgo: 130, note: 'Drie weken op het algemene nummer.' },
      {
        stage: 'stopped',
        daysAgo: 95,
        note: 'De telefooncentrale kan dit niet zonder nieuwe licentie; we kijken er volgend jaar opnieuw naar.',
      },
    ],
  },
];

export async function seedDemoIdeas(tx: Db, ctx: Ctx, now = new Date()) {
  const organisationId = ctx.actor.organisationId;
  if ((await q.listIdeas(tx, organisationId)).length) return;
  const emails = [...new Set(IDEAS.flatMap((i) => [i.owner, ...(i.proposer ? [i.proposer] : [])]))];
  const users = await tx
    .select({ id: appUser.id, email: appUser.email, name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), inArray(appUser.email, emails)));
  const user = (email: string) => users.find((u) => u.email === email);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  for (const i of IDEAS) {
    const owner = user(i.owner);
    if (!owner) continue;
    const proposer = i.proposer ? user(i.proposer) : undefined;
    const last = i.moves.at(-1);
    const stopped = last?.stage === 'stopped';
    const row = await q.insertIdea(tx, {
      organisationId,
      title: i.title,
      description: i.description,
      stage: last?.stage ?? 'idea',
      ownerId: owner.id,
      proposedBy: proposer?.id ?? null,
      proposedByKind: i.proposer ? 'staff' : 'resident',
      stopReason: stopped ? last.note : null,
      published: i.published ?? false,
      createdBy: owner.id,
      createdAt: ago(i.daysAgo),
      updatedAt: ago(last?.daysAgo ?? i.daysAgo),
    });
    await q.insertMove(tx, {
      organisationId,
      ideaId: row.id,
      fromStage: null,
      toStage: 'idea',
      movedBy: (proposer ?? owner).name,
      movedAt: ago(i.daysAgo),
    });
    let from = 'idea';
    for (const m of i.moves) {
      await q.insertMove(tx, {
        organisationId,
        ideaId: row.id,
        fromStage: from,
        toStage: m.stage,
        note: m.note,
        movedBy: owner.name,
        movedAt: ago(m.daysAgo),
      });
      from = m.stage;
    }
    for (const c of i.comments ?? [])
      await q.insertComment(tx, {
        organisationId,
        ideaId: row.id,
        body: c.body,
        displayName: c.name,
        status: c.status,
        ...(c.status === 'approved' ? { moderatedBy: 'Kim Kwaliteit', moderatedAt: ago(c.daysAgo - 1) } : {}),
        createdAt: ago(c.daysAgo),
      });
    await recordAudit(tx, ctx, {
      entityType: 'idea',
      entityId: row.id,
      action: 'created',
      after: { title: i.title, stage: row.stage },
    });
    if (i.experiment) {
      const design = {
        hypothesis: 'Via de chat is een vraag vaker in één keer opgelost dan aan de telefoon.',
        kpiCode: 'fcr',
        experimentFrom: localDate(ago(60)),
        experimentTo: localDate(ago(5)),
        testGroup: { channel: 'chat' },
        comparisonGroup: { channel: 'phone' },
        decisionRule:
          'Invoeren als de chat minstens 3 procentpunt vaker in één keer oplost, en dat geen toeval is.',
      };
      let result = null;
      try {
        result = await compareKpi(
          tx,
          organisationId,
          'fcr',
          { from: design.experimentFrom, to: design.experimentTo, channel: 'phone' },
          { from: design.experimentFrom, to: design.experimentTo, channel: 'chat' },
        );
      } catch {
        // No history for one of the groups (a demo without monitoring history): the design without a result.
      }
      await q.updateIdea(tx, organisationId, row.id, row.version, {
        ...design,
        result,
        resultAt: result ? ago(2) : null,
      });
    }
  }
}
