/**
 * People (issue 15) for Gemeente Voorbeeld: colleagues in the KCC, so the team pulse has a team big enough to
 * show; a closed pulse round with enough answers in the KCC and too few in Openbare ruimte and Management (hidden);
 * an open round for everyone; compliments from residents on history cases, for Anouk (KCC) and Bram (Openbare
 * ruimte). Idempotent: nothing when the organisation already has pulse rounds.
 */
import { appUser, compliment, type Db, membership, queryRows, team } from '@voordeur/db';
import { eq, sql } from 'drizzle-orm';
import { seedDemoPulse } from '../modules/pulse/index.ts';
import type { Ctx } from '../platform/actor.ts';

/**
 * KCC colleagues who do not sign in to the demo: no password at all (a hash no password matches), so seeding them
 * costs no password hashing.
 */
const COLLEAGUES = ['Daan de Boer', 'Eva Visser', 'Sem Smit', 'Lotte Mulder', 'Noah Bos', 'Julia Peters'];

const COMPLIMENTS = [
  {
    who: 'agent@voorbeeld.nl',
    team: 'KCC',
    grade: 9,
    text: 'Heel vriendelijk en ze belde me zelf terug toen het klaar was.',
  },
  {
    who: 'agent@voorbeeld.nl',
    team: 'KCC',
    grade: 10,
    text: 'Eindelijk iemand die gewoon uitlegt hoe het zit. Top!',
  },
  {
    who: 'agent@voorbeeld.nl',
    team: 'KCC',
    grade: 8,
    text: 'Snel geholpen, ik hoefde niets twee keer te vertellen.',
  },
  {
    who: 'backoffice@voorbeeld.nl',
    team: 'Openbare ruimte',
    grade: 9,
    text: 'De lantaarnpaal was binnen twee dagen gemaakt. Dank jullie wel.',
  },
  {
    who: 'backoffice@voorbeeld.nl',
    team: 'Openbare ruimte',
    grade: 9,
    text: 'Netjes opgeruimd en een fijne uitleg erbij.',
  },
];

export async function seedDemoPeople(tx: Db, ctx: Ctx, organisationId: string) {
  const teams = new Map(
    (
      await tx
        .select({ id: team.id, name: team.name })
        .from(team)
        .where(eq(team.organisationId, organisationId))
    ).map((t) => [t.name, t.id]),
  );
  const users = new Map(
    (
      await tx
        .select({ id: appUser.id, email: appUser.email })
        .from(appUser)
        .where(eq(appUser.organisationId, organisationId))
    ).map((u) => [u.email, u.id]),
  );
  const kcc = teams.get('KCC');
  const or = teams.get('Openbare ruimte');
  const mgmt = teams.get('Management');
  if (!kcc || !or || !mgmt) return;
  for (const [i, name] of COLLEAGUES.entries()) {
    const email = `collega${i + 1}@voorbeeld.nl`;
    if (!users.has(email)) {
      const [created] = await tx
        .insert(appUser)
        .values({ organisationId, email, name, passwordHash: '!no-password' })
        .returning({ id: appUser.id });
      await tx.insert(membership).values({ organisationId, userId: created!.id, teamId: kcc, role: 'agent' });
      users.set(email, created!.id);
    }
  }

  // The closed round: 7 in the KCC (shown); 1 in Openbare ruimte, 3 in Management and 1 in the MCC (too few:
  // hidden). 12 in all, so the total next to the KCC leaves a rest of 5: no group smaller than five is revealed.
  const kccScores = [
    [4, 4, 3, 2, 3],
    [5, 4, 4, 3, 2],
    [4, 3, 4, 2, 3],
    [4, 5, 3, 3, 2],
    [3, 4, 4, 2, 3],
    [5, 4, 3, 3, 3],
    [4, 4, 4, 2, 2],
  ];
  const kccPeople = ['agent@voorbeeld.nl', ...COLLEAGUES.map((_, i) => `collega${i + 1}@voorbeeld.nl`)];
  const mcc = teams.get('MCC');
  const others: { email: string; teamId: string | undefined }[] = [
    { email: 'backoffice@voorbeeld.nl', teamId: or },
    { email: 'manager@voorbeeld.nl', teamId: mgmt },
    { email: 'quality@voorbeeld.nl', teamId: mgmt },
    { email: 'admin@voorbeeld.nl', teamId: mgmt },
    { email: 'mcc@voorbeeld.nl', teamId: mcc },
  ];
  const comments = [
    'Meer tijd om terug te bellen als iets niet in één keer lukt.',
    'Betere uitleg van de backoffice over wat ze met een melding doen.',
    'Vaker horen wat er met onze verbeterideeën gebeurt.',
  ];
  await seedDemoPulse(tx, ctx, [
    ...kccPeople.map((email, i) => ({
      userId: users.get(email)!,
      teamId: kcc,
      scores: kccScores[i]!,
      comment: comments[i] ?? '',
    })),
    ...others
      .filter((o) => o.teamId && users.has(o.email))
      .map((o, i) => ({ userId: users.get(o.email)!, teamId: o.teamId!, scores: [4, 3, 4, 3, 3 + (i % 2)] })),
  ]);

  // Compliments on history answers with a high grade: the answer gets the resident's words and is routed to the
  // employee and their team (the history's cases have no closer of their own to find).
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM compliment WHERE organisation_id = ${organisationId}`,
  );
  if (n > 0) return;
  for (const [i, c] of COMPLIMENTS.entries()) {
    const teamId = teams.get(c.team)!;
    const [r] = await queryRows<{ id: string; case_id: string; item_code: string | null; answered_at: Date }>(
      tx,
      sql`SELECT id, case_id, item_code, answered_at FROM survey_response
          WHERE organisation_id = ${organisationId} AND grade >= 8 AND comment = ''
            AND answered_at > now() - interval '60 days'
          ORDER BY answered_at DESC OFFSET ${i * 3} LIMIT 1`,
    );
    if (!r) continue;
    await tx.execute(
      sql`UPDATE survey_response SET grade = ${c.grade}, comment = ${c.text}, compliment = true
          WHERE organisation_id = ${organisationId} AND id = ${r.id}`,
    );
    await tx.insert(compliment).values({
      organisationId,
      surveyResponseId: r.id,
      source: 'case',
      caseId: r.case_id,
      employeeUserId: users.get(c.who) ?? null,
      teamId,
      itemCode: r.item_code,
      grade: c.grade,
      comment: c.text,
      receivedAt: new Date(r.answered_at),
    });
  }
}
