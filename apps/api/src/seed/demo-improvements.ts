/**
 * Improvements for Gemeente Voorbeeld (issue 15): a few proposals in each PDCA status, a quick win, one stopped,
 * and one done whose effect was measured on the demo's history and published on the public page — all dated
 * relative to today. Once (nothing when the organisation has improvements).
 */
import { type Db, improvement, team } from '@voordeur/db';
import type { ImprovementStatus, KpiCode } from '@voordeur/shared';
import { and, eq, sql } from 'drizzle-orm';
import { createImprovement, placeForDemo } from '../modules/improvements/index.ts';
import type { Ctx } from '../platform/actor.ts';

const DAY = 86_400_000;

export async function seedDemoImprovements(tx: Db, ctx: Ctx, userIds: Map<string, string>) {
  const organisationId = ctx.actor.organisationId;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(improvement)
    .where(eq(improvement.organisationId, organisationId));
  if (n > 0) return;
  const [kcc] = await tx
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.name, 'KCC')));
  const tessa = userIds.get('teamlead@voorbeeld.nl')!;
  const kim = userIds.get('quality@voorbeeld.nl')!;
  const maarten = userIds.get('manager@voorbeeld.nl')!;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const add = async (
    p: {
      title: string;
      problem: string;
      expectedEffect: string;
      ownerId: string;
      quickWin?: boolean;
      origin?: 'signals' | 'assessment' | 'strategy' | 'idea' | 'manual';
      elementCode?: string;
      kpis: KpiCode[];
    },
    at: Parameters<typeof placeForDemo>[3] & { status: ImprovementStatus },
  ) => {
    const { id } = await createImprovement(tx, ctx, {
      ...p,
      origin: p.origin ?? 'manual',
      ...(kcc ? { teamId: kcc.id } : {}),
      kpis: p.kpis.map((code) => ({ code })),
    });
    if (at.status !== 'plan') await placeForDemo(tx, organisationId, id, at);
  };

  await add(
    {
      title: 'Uitleg paspoortkosten op de website',
      problem:
        'Veel mensen bellen om te vragen wat een paspoort kost. Het staat niet duidelijk op de website.',
      expectedEffect: 'Minder telefoontjes over de kosten van een paspoort.',
      ownerId: tessa,
      origin: 'signals',
      elementCode: 'se-8',
      kpis: ['contacts', 'digital_share'],
    },
    { status: 'plan' },
  );
  await add(
    {
      title: 'Openingstijden van de balie bovenaan de pagina',
      problem: 'Mensen komen naar de balie als die dicht is. De openingstijden staan onderaan de pagina.',
      expectedEffect: 'Niemand staat meer voor een dichte deur.',
      ownerId: kim,
      quickWin: true,
      elementCode: 'se-5',
      kpis: [],
    },
    { status: 'plan' },
  );
  await add(
    {
      title: 'Terugbellen binnen één werkdag',
      problem: 'Wie om een terugbelverzoek vraagt, wacht soms drie dagen. Dan belt men opnieuw.',
      expectedEffect: 'Meer terugbelverzoeken op tijd, minder herhaalde contacten.',
      ownerId: tessa,
      origin: 'strategy',
      elementCode: 'se-6',
      kpis: ['callbacks_in_time', 'repeat_contacts'],
    },
    { status: 'do', doAt: ago(10) },
  );
  await add(
    {
      title: 'Vaste antwoorden voor vragen over afval',
      problem: 'Over de afvalkalender geven medewerkers verschillende antwoorden.',
      expectedEffect: 'Meer vragen in één keer goed beantwoord.',
      ownerId: tessa,
      origin: 'assessment',
      elementCode: 'se-9',
      kpis: ['fcr'],
    },
    { status: 'check', doAt: ago(36), checkAt: ago(7) },
  );
  await add(
    {
      title: 'Duidelijker ontvangstbevestiging van een melding',
      problem:
        'Na een melding weten mensen niet wanneer ze iets horen. Ze bellen om te vragen hoe het staat.',
      expectedEffect: 'Minder vragen over de stand van een melding, een hoger cijfer.',
      ownerId: maarten,
      origin: 'signals',
      elementCode: 'se-8',
      kpis: ['fcr', 'avoidable_contacts', 'grade_mean'],
    },
    { status: 'act', doAt: ago(43), checkAt: ago(15), actAt: ago(8) },
  );
  await add(
    {
      title: 'Eén telefoonnummer voor alle vragen over de Wmo',
      problem: 'Inwoners met een vraag over zorg werden drie keer doorverbonden.',
      expectedEffect: 'Meer vragen in één keer goed, een hoger cijfer.',
      ownerId: kim,
      origin: 'idea',
      elementCode: 'se-6',
      kpis: ['fcr', 'grade_mean'],
    },
    {
      status: 'done',
      doAt: ago(50),
      checkAt: ago(22),
      actAt: ago(15),
      doneAt: ago(6),
      publicSummaryNl:
        'Voor vragen over zorg en ondersteuning (Wmo) belt u nu één nummer. U wordt niet meer doorverbonden.',
      publicSummaryEn:
        'For questions about care and support (Wmo) you now call one number. You are no longer passed on.',
    },
  );
  await add(
    {
      title: 'Chat in het weekend',
      problem: 'In het weekend kan niemand een vraag stellen.',
      expectedEffect: 'Meer vragen via de chat.',
      ownerId: maarten,
      kpis: ['digital_share'],
    },
    {
      status: 'stopped',
      stoppedAt: ago(20),
      stopReason: 'Te weinig vragen in het weekend om er mensen voor in te roosteren.',
    },
  );
}
